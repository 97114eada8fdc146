namespace DigestBot.Chat;

/// <summary>
/// What a search may ask for: at most <see cref="MaxWords"/> different words in at most <see cref="MaxCharacters"/>
/// characters, so that one message cannot make the store match thousands of words or echo a page of text.
/// </summary>
internal static class SearchWords
{
    public const int MaxWords = 16;

    public const int MaxCharacters = 256;

    /// <returns>The words, each once (in any case) and in their order, cut to fit; and whether anything was left out.</returns>
    public static (string Words, bool Shortened) Cap(string words)
    {
        var distinct = words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var kept = new List<string>();
        var length = 0;
        foreach (var word in distinct.Take(MaxWords))
        {
            var room = MaxCharacters - length - (kept.Count > 0 ? 1 : 0);
            if (word.Length > room)
            {
                // Only a first word longer than the limit is cut; a later one that does not fit is left out whole.
                if (kept.Count == 0)
                {
                    kept.Add(word[..(char.IsHighSurrogate(word[room - 1]) ? room - 1 : room)]);
                }

                return (string.Join(' ', kept), true);
            }

            kept.Add(word);
            length += word.Length + (kept.Count > 1 ? 1 : 0);
        }

        return (string.Join(' ', kept), distinct.Count > MaxWords);
    }
}
