using System.Text;

namespace DigestBot.Storage;

/// <summary>
/// What the search index holds and how a search becomes an FTS5 query, the way Lucene's CJK analyzer splits text:
/// Latin and other words stay words (FTS5's unicode61 tokenizer splits them, folding case and diacritics), and each run
/// of Hangul, Han, Hiragana or Katakana becomes its overlapping character bigrams ("언어모델" → "언어 어모 모델"); a run
/// of one character stays one token. Bigrams index two-character Korean words, and need far fewer tokens than trigrams.
/// </summary>
internal static class SearchText
{
    /// <summary>The text FTS5 indexes for <paramref name="text"/>: CJK runs replaced by their bigrams, set apart by spaces.</summary>
    public static string ForIndex(string text)
    {
        var i = FirstCjk(text, 0);
        if (i < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length * 2);
        var copied = 0;
        while (i >= 0)
        {
            result.Append(text, copied, i - copied).Append(' ');
            var end = RunEnd(text, i);
            AppendBigrams(result, text, i, end);
            result.Append(' ');
            copied = end;
            i = FirstCjk(text, end);
        }

        return result.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>
    /// The FTS5 query for what a reader typed: every whitespace-separated term must match. Each term is one quoted
    /// phrase of its index tokens, so nothing the reader types is read as FTS5 syntax: "segment" matches words starting
    /// with it (a prefix), "비디오" the adjacent bigrams "비디 디오", "GPT-4o" the adjacent words "gpt" "4o".
    /// Null when no term has a letter or digit to look for.
    /// </summary>
    public static string? Match(string words)
    {
        var phrases = words
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Where(t => t.Any(char.IsLetterOrDigit))
            .Select(Phrase)
            .ToList();
        return phrases.Count == 0 ? null : string.Join(" AND ", phrases);
    }

    private static string Phrase(string term)
    {
        var text = ForIndex(term).Trim();
        var quoted = "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        return IsPrefix(LastWord(text)) ? quoted + "*" : quoted;
    }

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

    private static string LastWord(string text)
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

        return text[start..end];
    }

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
