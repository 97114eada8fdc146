using System.Text;

namespace DigestBot.Storage;

/// <summary>
/// What the search index holds and how a search becomes an FTS5 query, the way Lucene's CJK analyzer splits text:
/// Latin and other words stay words (FTS5's unicode61 tokenizer splits them and folds case), and each run of Hangul,
/// Han, Hiragana or Katakana becomes its overlapping character bigrams ("언어모델" → "언어 어모 모델"); a run of one
/// character stays one token. Bigrams index two-character Korean words, and need far fewer tokens than trigrams.
/// Latin diacritics are removed here ("café" → "cafe"), not by the tokenizer: its remove_diacritics looked up every
/// non-ASCII character, Korean included, on the import's one SQLite thread (bench/README.md, fix 16).
/// </summary>
internal static class SearchText
{
    /// <summary>The text FTS5 indexes for <paramref name="text"/>: CJK runs replaced by their bigrams, set apart by spaces.</summary>
    public static string ForIndex(string text)
    {
        var i = FirstCjk(text, 0);
        if (i < 0 && !LatinDiacritics.Any(text))
        {
            return text;
        }

        var result = new StringBuilder(i < 0 ? text.Length : text.Length * 2);
        var copied = 0;
        while (i >= 0)
        {
            LatinDiacritics.AppendWithout(result, text, copied, i);
            result.Append(' ');
            var end = RunEnd(text, i);
            AppendBigrams(result, text, i, end);
            result.Append(' ');
            copied = end;
            i = FirstCjk(text, end);
        }

        LatinDiacritics.AppendWithout(result, text, copied, text.Length);
        return result.ToString();
    }

    /// <summary>
    /// The FTS5 query for what a reader typed: every whitespace-separated term must match. Each term is one quoted
    /// phrase of its index tokens, so nothing the reader types is read as FTS5 syntax: "segment" matches words starting
    /// with it, "비디오" the adjacent bigrams "비디 디오", "GPT-4o" the adjacent words "gpt" "4o". A word that may go on
    /// is looked up among the index's words first (<paramref name="expansions"/>, keyed by <see cref="PrefixOf"/>):
    /// up to <see cref="MaxExpansions"/> of them are asked for exactly, which FTS5 answers without merging every
    /// posting of the prefix first (see bench/README.md). Null when no term has a letter or digit to look for.
    /// </summary>
    public static string? Match(string words, IReadOnlyDictionary<string, IReadOnlyList<string>>? expansions = null)
    {
        var phrases = Terms(words).Select(t => Phrase(t, expansions)).ToList();
        return phrases.Count == 0 ? null : string.Join(" AND ", phrases);
    }

    /// <summary>How many index words a prefix may stand for and still be asked for word by word.</summary>
    public const int MaxExpansions = 32;

    /// <summary>The terms of <see cref="Match"/> that end in a word that may go on, as the index folds it.</summary>
    public static IEnumerable<string> PrefixesOf(string words) =>
        Terms(words).Select(t => PrefixOf(t)).OfType<string>().Distinct();

    /// <summary>
    /// Adds the words of <paramref name="text"/> that FTS5 indexes as plain ASCII (lower case, diacritics removed) to
    /// <paramref name="words"/>: the index's vocabulary that prefixes are expanded from.
    /// </summary>
    public static void AddWords(string text, HashSet<string> words)
    {
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> lower = stackalloc char[64];
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && IsWordChar(text[i]))
            {
                start = start < 0 ? i : start;
                continue;
            }

            if (start < 0)
            {
                continue;
            }

            var word = text.AsSpan(start, i - start);
            start = -1;
            if (word.Length <= lower.Length && Ascii.IsValid(word))
            {
                var length = Ascii.ToLower(word, lower, out var written) == System.Buffers.OperationStatus.Done ? written : 0;
                lookup.Add(lower[..length]);
            }
            else if (MayFoldToAscii(word) && Fold(word.ToString()) is { } folded)
            {
                words.Add(folded);
            }
        }
    }

    private static IEnumerable<string> Terms(string words) =>
        words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(t => t.Any(char.IsLetterOrDigit));

    private static string? PrefixOf(string term)
    {
        var text = ForIndex(term).Trim();
        var (start, end) = LastWord(text);
        return IsPrefix(text[start..end]) && !IsCjk(Rune.GetRuneAt(text, start)) ? Fold(text[start..end]) : null;
    }

    private static string Phrase(string term, IReadOnlyDictionary<string, IReadOnlyList<string>>? expansions)
    {
        var text = ForIndex(term).Trim();
        var (start, end) = LastWord(text);
        if (!IsPrefix(text[start..end]))
        {
            return Quote(text);
        }

        if (PrefixOf(term) is { } prefix && expansions is not null && expansions.TryGetValue(prefix, out var found) && found.Count is > 0 and <= MaxExpansions)
        {
            return "(" + string.Join(" OR ", found.Select(w => Quote(text[..start] + w + text[end..]))) + ")";
        }

        return Quote(text) + "*";
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// A word of three or more characters may go on ("segment" finds "segmentation"), and a lone CJK character may
    /// start a bigram. A CJK bigram is whole. Shorter words ("AI", "3D") match only as themselves: FTS5 merges every
    /// word with the prefix before the first match, and under three characters that is most of the index.
    /// </summary>
    private static bool IsPrefix(string word)
    {
        var runes = word.EnumerateRunes().ToList();
        return runes.Count > 0 && (IsCjk(runes[0]) ? runes.Count == 1 : runes.Count >= 3);
    }

    /// <summary>Where the last word of <paramref name="text"/> starts and ends, trailing punctuation left out.</summary>
    private static (int Start, int End) LastWord(string text)
    {
        var end = text.Length;
        while (end > 0 && !char.IsLetterOrDigit(text[end - 1]) && !char.IsSurrogate(text[end - 1]))
        {
            end--;
        }

        var start = end;
        while (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || char.IsSurrogate(text[start - 1])))
        {
            start--;
        }

        return (start, end);
    }

    /// <summary>A word as the index holds it (<see cref="ForIndex"/>'s folding, then unicode61's lower case), when that is plain ASCII; null otherwise.</summary>
    private static string? Fold(string word)
    {
        if (!Ascii.IsValid(word))
        {
            word = LatinDiacritics.WithoutMarks(word);
        }

        return word.Length > 0 && Ascii.IsValid(word) ? word.ToLowerInvariant() : null;
    }

    /// <summary>Latin letters with diacritics may; Hangul, Cyrillic and the like never do.</summary>
    private static bool MayFoldToAscii(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (c >= '\u0250' && !LatinDiacritics.IsMark(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>unicode61's token characters (letters, numbers, private use) and the marks it folds away.</summary>
    private static bool IsWordChar(char c) => c < 128
        ? char.IsAsciiLetterOrDigit(c)
        : char.IsSurrogate(c) || char.IsLetterOrDigit(c) || LatinDiacritics.IsMark(c) || char.GetUnicodeCategory(c) is
            System.Globalization.UnicodeCategory.LetterNumber or System.Globalization.UnicodeCategory.OtherNumber or System.Globalization.UnicodeCategory.PrivateUse;

    private static void AppendBigrams(StringBuilder result, string text, int start, int end)
    {
        var previous = start;
        var next = start + Rune.GetRuneAt(text, start).Utf16SequenceLength;
        if (next >= end)
        {
            result.Append(text, start, next - start);
            return;
        }

        while (next < end)
        {
            var after = next + Rune.GetRuneAt(text, next).Utf16SequenceLength;
            if (previous > start)
            {
                result.Append(' ');
            }

            result.Append(text, previous, after - previous);
            previous = next;
            next = after;
        }
    }

    private static int FirstCjk(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            // Everything below U+1100 (ASCII, Latin, Greek, Cyrillic, …) is left to the tokenizer without a look-up.
            if (c >= '\u1100' && Rune.TryGetRuneAt(text, i, out var rune) && IsCjk(rune))
            {
                return i;
            }
        }

        return -1;
    }

    private static int RunEnd(string text, int start)
    {
        var i = start;
        while (i < text.Length && Rune.TryGetRuneAt(text, i, out var rune) && IsCjk(rune))
        {
            i += rune.Utf16SequenceLength;
        }

        return i;
    }

    private static bool IsCjk(Rune rune) => rune.Value switch
    {
        >= 0x1100 and <= 0x11FF => true, // Hangul Jamo
        >= 0x2E80 and <= 0x2FDF => true, // CJK radicals
        >= 0x3040 and <= 0x30FF => true, // Hiragana, Katakana
        >= 0x3130 and <= 0x318F => true, // Hangul compatibility Jamo
        >= 0x3400 and <= 0x4DBF => true, // CJK extension A
        >= 0x4E00 and <= 0x9FFF => true, // CJK unified ideographs
        >= 0xA960 and <= 0xA97F => true, // Hangul Jamo extended A
        >= 0xAC00 and <= 0xD7AF => true, // Hangul syllables
        >= 0xD7B0 and <= 0xD7FF => true, // Hangul Jamo extended B
        >= 0xF900 and <= 0xFAFF => true, // CJK compatibility ideographs
        >= 0xFF66 and <= 0xFF9F => true, // half-width Katakana
        >= 0x20000 and <= 0x3FFFF => true, // CJK extensions B and later
        _ => false,
    };
}
