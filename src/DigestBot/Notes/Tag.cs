namespace DigestBot.Notes;

/// <summary>Tag spelling rules: one canonical form for storage and lookups, another for Telegram.</summary>
internal static class Tag
{
    /// <summary><c>#Video_Segmentation</c> → <c>video-segmentation</c>.</summary>
    public static string Canonical(string raw)
    {
        var trimmed = raw.Trim().TrimStart('#');
        return trimmed.ToLowerInvariant().Replace('_', '-');
    }

    /// <summary>Telegram ends a hashtag at <c>-</c>, so the whole tag is only clickable with <c>_</c>.</summary>
    public static string ForTelegram(string canonical) => "#" + canonical.Replace('-', '_');

    public static string ForDisplay(string canonical) => "#" + canonical;
}
