using System.Text;

namespace DigestBot.Storage;

/// <summary>
/// The Latin diacritics the search index leaves out ("café" is indexed and searched as "cafe"), removed by
/// <see cref="SearchText.ForIndex"/> before FTS5's tokenizer sees the text: unicode61's own remove_diacritics looked up
/// every non-ASCII character, Korean included, on the import's one SQLite thread (bench/README.md, fix 16).
/// </summary>
internal static class LatinDiacritics
{
    /// <summary>Whether the text has a Latin letter with diacritics, or a combining mark, to remove.</summary>
    public static bool Any(string text)
    {
        var first = text.AsSpan().IndexOfAnyExceptInRange('\0', '\u007F');
        if (first < 0)
        {
            return false;
        }

        foreach (var c in text.AsSpan(first))
        {
            if (FoldOf(c) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Appends text[start..end] with Latin letters' diacritics removed ("é" and "e\u0301" → "e").</summary>
    public static void AppendWithout(StringBuilder result, string text, int start, int end)
    {
        var copied = start;
        for (var i = start; i < end; i++)
        {
            if (FoldOf(text[i]) is { } folded)
            {
                result.Append(text, copied, i - copied).Append(folded);
                copied = i + 1;
            }
        }

        result.Append(text, copied, end - copied);
    }

    private static string? FoldOf(char c) =>
        c < Latin.First ? null
        : c <= Marks.Last ? Folds.Value.Latin[c - Latin.First]
        : c >= LatinAdditional.First && c <= LatinAdditional.Last ? Folds.Value.Additional[c - LatinAdditional.First]
        : null;

    // The ranges whose diacritics the index removes: Latin-1 Supplement to Latin Extended-B, the combining
    // diacritical marks, and Latin Extended Additional (Vietnamese, among others).
    private static readonly (char First, char Last) Latin = ('\u00C0', '\u024F');

    private static readonly (char First, char Last) Marks = ('\u0300', '\u036F');

    private static readonly (char First, char Last) LatinAdditional = ('\u1E00', '\u1EFF');

    /// <summary>
    /// What each character of those ranges becomes in the index: a letter with diacritics its letter without them
    /// ("é" → "e", "ệ" → "e"), a combining mark nothing; null when it stays as it is ("ß", "ø", "æ" have no marks).
    /// </summary>
    private static readonly Lazy<(string?[] Latin, string?[] Additional)> Folds = new(() =>
    {
        var latin = new string?[Marks.Last - Latin.First + 1];
        for (var c = Latin.First; c <= Marks.Last; c++)
        {
            latin[c - Latin.First] = c >= Marks.First ? "" : c <= Latin.Last ? FoldedLetter(c) : null;
        }

        var additional = new string?[LatinAdditional.Last - LatinAdditional.First + 1];
        for (var c = LatinAdditional.First; c <= LatinAdditional.Last; c++)
        {
            additional[c - LatinAdditional.First] = FoldedLetter(c);
        }

        return (latin, additional);
    });

    /// <summary>The text decomposed (NFD) with every combining mark left out: "Café" → "Cafe", "ß" → "ß".</summary>
    public static string WithoutMarks(string text)
    {
        var stripped = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (!IsMark(c))
            {
                stripped.Append(c);
            }
        }

        return stripped.ToString();
    }

    /// <summary>What the index holds for one letter with diacritics; null for a letter without any.</summary>
    private static string? FoldedLetter(char c)
    {
        var folded = WithoutMarks(c.ToString());
        return folded.Length > 0 && folded != c.ToString() ? folded : null;
    }

    /// <summary>A combining mark of any script.</summary>
    public static bool IsMark(char c) => char.GetUnicodeCategory(c) is
        System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.EnclosingMark;
}
