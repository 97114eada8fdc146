namespace DigestBot.Formatting;

/// <summary>Shortens text for a place with a hard length limit, never splitting a surrogate pair.</summary>
internal static class TextCut
{
    /// <summary>At most <paramref name="max"/> UTF-16 units, ending in <c>…</c> when anything was cut.</summary>
    public static string WithEllipsis(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var end = max - 1;
        if (char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }

        return text[..end] + "…";
    }
}
