using System.Globalization;

namespace DigestBot.Web;

/// <summary>Reads <c>?page=</c>: absent means 1; a number too big for any archive is a page past the end, not an error.</summary>
internal static class PageNumber
{
    public static bool TryParse(string? raw, out int page)
    {
        page = 1;
        if (string.IsNullOrEmpty(raw))
        {
            return true;
        }

        if (raw.Length > 0 && raw.All(char.IsAsciiDigit))
        {
            page = int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;
            return page >= 1;
        }

        return false;
    }

    public static int Count(int total, int pageSize) => (int)Math.Max(1, (total + (long)pageSize - 1) / pageSize);
}
