namespace DigestBot.Notes;

/// <summary>Tag spelling rules: one canonical form for storage and lookups, another for Telegram.</summary>
internal static class Tag
{
    /// <summary>A subscription's filter: every note when <paramref name="wanted"/> (canonical tags) is empty, else a note carrying one of them.</summary>
    public static bool Allows(IReadOnlyList<string> wanted, Note note) => wanted.Count == 0 || note.Tags.Any(t => wanted.Contains(Canonical(t)));

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
