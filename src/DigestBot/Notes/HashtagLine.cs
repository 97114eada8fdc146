namespace DigestBot.Notes;

/// <summary>A line made only of hashtags (<c>#dataset #scaling-law</c>): the line that ends a note in a digest.</summary>
internal static class HashtagLine
{
    private static readonly char[] Separators = [' ', '\t', ','];

    /// <returns>The canonical tags, without repeats, in the order written; false when the line is anything else.</returns>
    public static bool TryParse(string line, out IReadOnlyList<string> tags)
    {
        tags = [];
        // Every word must be a tag, so the first must start with '#': prose (most lines of a digest, abstracts of
        // 1,500 characters among them) is turned away before it is split into words.
        var start = line.AsSpan().TrimStart(Separators);
        if (start.IsEmpty || start[0] != '#')
        {
            return false;
        }

        var words = line.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return false;
        }

        var found = new List<string>(words.Length);
        foreach (var word in words)
        {
            if (!IsHashtag(word))
            {
                return false;
            }

            var canonical = Tag.Canonical(word);
            if (!found.Contains(canonical))
            {
                found.Add(canonical);
            }
        }

        tags = found;
        return true;
    }

    // "# Heading", "#1." and "C#" are prose, not tags: a tag is '#' then letters, digits, '_', '-' or '.'.
    private static bool IsHashtag(string word)
    {
        if (word.Length < 2 || word[0] != '#' || !char.IsLetterOrDigit(word[1]) && word[1] != '_')
        {
            return false;
        }

        for (var i = 2; i < word.Length; i++)
        {
            var c = word[i];
            var allowed = char.IsLetterOrDigit(c) || c is '_' or '-' or '.' || char.IsSurrogate(c)
                || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
                    or System.Globalization.UnicodeCategory.SpacingCombiningMark;
            if (!allowed)
            {
                return false;
            }
        }

        return !word.EndsWith('.');
    }
}
