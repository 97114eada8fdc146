using System.Globalization;
using System.Text.RegularExpressions;

namespace DigestBot.Notes;

/// <summary>The date lines a digest file may use to start a new day.</summary>
internal static partial class DigestDateLine
{
    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    [GeneratedRegex(@"^(?<y>\d{4})\s*년\s*(?<m>\d{1,2})\s*월\s*(?<d>\d{1,2})\s*일$")]
    private static partial Regex Korean();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})$")]
    private static partial Regex Iso();

    [GeneratedRegex(@"^(?<month>[A-Za-z]{3,9})\.?\s+(?<d>\d{1,2}),?\s+(?<y>\d{4})$")]
    private static partial Regex MonthFirst();

    [GeneratedRegex(@"^(?<d>\d{1,2})\s+(?<month>[A-Za-z]{3,9})\.?,?\s+(?<y>\d{4})$")]
    private static partial Regex DayFirst();

    public enum Kind
    {
        NotADate,
        Date,
        /// <summary>Shaped like a date but naming no real day (<c>2024-02-30</c>).</summary>
        Invalid,
    }

    public static Kind TryParse(string line, out DateOnly date)
    {
        date = default;
        var text = line.Trim();
        if (text.Length is 0 or > 40)
        {
            return Kind.NotADate;
        }

        foreach (var regex in new[] { Korean(), Iso(), MonthFirst(), DayFirst() })
        {
            var match = regex.Match(text);
            if (!match.Success)
            {
                continue;
            }

            var namedMonth = match.Groups["month"];
            var month = namedMonth.Success
                ? MonthNumber(namedMonth.Value)
                : int.Parse(match.Groups["m"].ValueSpan, CultureInfo.InvariantCulture);
            if (namedMonth.Success && month == 0)
            {
                return Kind.NotADate;
            }

            var year = int.Parse(match.Groups["y"].ValueSpan, CultureInfo.InvariantCulture);
            var day = int.Parse(match.Groups["d"].ValueSpan, CultureInfo.InvariantCulture);
            if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                return Kind.Invalid;
            }

            date = new DateOnly(year, month, day);
            return Kind.Date;
        }

        return Kind.NotADate;
    }

    // "Jul", "July" and "Sept" all name a month; "Mayday" does not.
    private static int MonthNumber(string name)
    {
        var lower = name.ToLowerInvariant();
        for (var i = 0; i < MonthNames.Length; i++)
        {
            if (lower == MonthNames[i] || (lower.Length >= 3 && MonthNames[i].StartsWith(lower, StringComparison.Ordinal)))
            {
                return i + 1;
            }
        }

        return 0;
    }
}
