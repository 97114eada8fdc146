using System.Diagnostics.CodeAnalysis;
using Cronos;

namespace DigestBot.Background;

/// <summary>Reading the cron expressions and time zones of the configuration: the slots' schedule and the backups'.</summary>
internal static class Cron
{
    /// <summary>5 fields (minutes) or 6 (seconds first); <paramref name="error"/> says what is wrong otherwise.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out CronExpression? cron, out string error)
    {
        cron = null;
        error = "";
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields is not (5 or 6))
        {
            error = $"it has {fields} fields, not 5 or 6";
            return false;
        }

        try
        {
            cron = CronExpression.Parse(text, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
            return true;
        }
        catch (CronFormatException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    public static bool TryFindZone(string id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            zone = null;
            return false;
        }
    }
}
