namespace DigestBot.Chat;

/// <summary>The closest existing tags to one that matched nothing: substrings first, then small edit distance.</summary>
internal static class TagSuggestions
{
    public static IReadOnlyList<string> Closest(string wanted, IEnumerable<string> existing, int max = 3)
    {
        return existing
            .Select(tag => (Tag: tag, Score: Score(wanted, tag)))
            .Where(s => s.Score <= Math.Max(2, wanted.Length / 2))
            .OrderBy(s => s.Score)
            .ThenBy(s => s.Tag, StringComparer.Ordinal)
            .Take(max)
            .Select(s => s.Tag)
            .ToList();
    }

    private static int Score(string wanted, string tag)
    {
        if (tag.Contains(wanted, StringComparison.Ordinal) || wanted.Contains(tag, StringComparison.Ordinal))
        {
            return 0;
        }

        return Distance(wanted, tag);
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
