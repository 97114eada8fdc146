using System.Globalization;
using System.Text.RegularExpressions;

namespace DigestBot.Chat;

/// <summary>When a pause ends, as a curator writes it: a date or a date and time in the schedule's zone, or a duration from now.</summary>
internal static partial class PauseUntil
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm"];

    /// <summary><c>2026-12-26</c> (its start), <c>2026-12-26 09:00</c>, or <c>90m</c>, <c>12h</c>, <c>3d</c>, <c>2w</c> from <paramref name="now"/>.</summary>
    public static bool TryParse(string text, DateTimeOffset now, TimeZoneInfo zone, out DateTimeOffset until)
    {
        text = text.Trim();
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            until = new DateTimeOffset(local, zone.GetUtcOffset(local));
            return true;
        }

        if (Duration().Match(text) is { Success: true } match)
        {
            var n = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            until = now + match.Groups[2].Value switch
            {
                "m" => TimeSpan.FromMinutes(n),
                "h" => TimeSpan.FromHours(n),
                "d" => TimeSpan.FromDays(n),
                _ => TimeSpan.FromDays(7 * n),
            };
            return true;
        }

        until = default;
        return false;
    }

    [GeneratedRegex(@"^([0-9]{1,4}) ?([mhdw])$")]
    private static partial Regex Duration();
}
