using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace DigestBot.Formatting;

/// <summary>
/// Cuts a token stream into parts that each fit a platform limit. Cuts fall in the visible text
/// (never in markup, never in an escape sequence, because escaping runs after the cut), preferring
/// a line break, then a sentence end, then a space, then a grapheme boundary; every element open
/// at a cut is closed before it and reopened after it.
/// </summary>
internal static class MarkupPacker
{
    private const string SentenceEnds = ".!?。！？…";

    // Each thread keeps its output builder and element stack between calls, unless a huge message grew the builder.
    private const int MaxKeptCapacity = 64 * 1024;

    [ThreadStatic]
    private static StringBuilder? t_output;

    [ThreadStatic]
    private static List<MarkupToken>? t_wanted;

    /// <param name="limit">The most any part may measure.</param>
    /// <param name="escape">The platform's escaping routine for visible text.</param>
    /// <param name="measure">How the platform counts a finished part against <paramref name="limit"/>.</param>
    public static IReadOnlyList<string> Pack(
        IReadOnlyList<MarkupToken> tokens, int limit, Func<string, string> escape, Func<string, int> measure) =>
        Pack(tokens, limit, (all, start, end) => Serialize(all, start, end, escape), measure);

    /// <summary>
    /// As <see cref="Pack(IReadOnlyList{MarkupToken}, int, Func{string, string}, Func{string, int})"/>, for a platform
    /// whose message is not a string: <paramref name="write"/> makes a part of the visible range [start, end)
    /// (<see cref="Slice"/> gives its tokens).
    /// </summary>
    public static IReadOnlyList<TPart> Pack<TPart>(
        IReadOnlyList<MarkupToken> tokens, int limit, Func<IReadOnlyList<MarkupToken>, int, int, TPart> write, Func<TPart, int> measure)
    {
        var visible = VisibleText(tokens);
        var parts = new List<TPart>();
        var start = SkipWhitespace(visible, 0);
        while (start < visible.Length)
        {
            var budget = limit;
            while (true)
            {
                var cut = ChooseCut(visible, start, budget);
                var end = TrimEnd(visible, start, cut);
                var part = write(tokens, start, end);
                var size = measure(part);
                if (size <= limit || budget <= 1)
                {
                    parts.Add(part);
                    start = SkipWhitespace(visible, cut);
                    break;
                }

                // Escapes and reopened markup count against the limit too: shrink and try again.
                budget = Math.Max(1, Math.Min(budget - 1, (int)((long)budget * limit / size)));
            }
        }

        return parts;
    }

    public static string Serialize(IReadOnlyList<MarkupToken> tokens, Func<string, string> escape) =>
        Serialize(tokens, 0, int.MaxValue, escape);

    /// <summary>The length of <see cref="VisibleText"/>, without writing it.</summary>
    public static int VisibleLength(IReadOnlyList<MarkupToken> tokens)
    {
        var length = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == MarkupKind.Text)
            {
                length += tokens[i].Value.Length;
            }
        }

        return length;
    }

    /// <remarks>
    /// Measured first and copied once: a builder grown by doubling left about twice the text's size behind as garbage,
    /// for every message and every Slack section rendered, and so for every note checked on import.
    /// </remarks>
    public static string VisibleText(IReadOnlyList<MarkupToken> tokens)
    {
        var length = VisibleLength(tokens);
        if (length == 0)
        {
            return "";
        }

        // One text (an abstract's section, a context's line) is its own visible text.
        if (tokens.Count == 1)
        {
            return tokens[0].Value;
        }

        return string.Create(length, tokens, static (output, tokens) =>
        {
            var written = 0;
            for (var i = 0; i < tokens.Count; i++)
            {
                if (tokens[i].Kind == MarkupKind.Text)
                {
                    tokens[i].Value.CopyTo(output[written..]);
                    written += tokens[i].Value.Length;
                }
            }
        });
    }

    /// <summary>
    /// The tokens of the visible range [start, end): every element open at its start is opened again before its first
    /// text, and one with no text in the range is left out, as <see cref="Serialize(IReadOnlyList{MarkupToken}, int, int, Func{string, string})"/> writes them.
    /// </summary>
    public static List<MarkupToken> Slice(IReadOnlyList<MarkupToken> tokens, int start, int end)
    {
        var writer = new TokenWriter([]);
        Walk(tokens, start, end, [], ref writer);
        return writer.Tokens;
    }

    /// <summary>Writes the visible range [start, end), opening elements lazily so no part holds an empty one.</summary>
    private static string Serialize(IReadOnlyList<MarkupToken> tokens, int start, int end, Func<string, string> escape)
    {
        var output = t_output ??= new StringBuilder();
        var wanted = t_wanted ??= [];
        output.Clear();
        wanted.Clear();
        var writer = new MarkupWriter(output, escape);
        Walk(tokens, start, end, wanted, ref writer);
        var serialized = output.ToString();
        if (output.Capacity > MaxKeptCapacity)
        {
            t_output = null;
        }

        return serialized;
    }

    /// <summary>
    /// The one walk over a visible range that both outputs share: elements are opened lazily before the range's first
    /// text inside them, and every element still open at the range's end is closed.
    /// </summary>
    /// <param name="wanted">Scratch room for the elements open at the current token; empty on entry.</param>
    private static void Walk<TWriter>(IReadOnlyList<MarkupToken> tokens, int start, int end, List<MarkupToken> wanted, ref TWriter writer)
        where TWriter : struct, IRangeWriter
    {
        var opened = 0;
        var position = 0;
        foreach (var token in tokens is List<MarkupToken> list ? CollectionsMarshal.AsSpan(list) : tokens.ToArray())
        {
            switch (token.Kind)
            {
                case MarkupKind.Open:
                    wanted.Add(token);
                    break;
                case MarkupKind.Close:
                    if (opened == wanted.Count)
                    {
                        writer.Close(wanted[^1]);
                        opened--;
                    }

                    wanted.RemoveAt(wanted.Count - 1);
                    break;
                case MarkupKind.Raw:
                    if (position >= start && position < end)
                    {
                        writer.Raw(token);
                    }

                    break;
                case MarkupKind.Text:
                    var from = Math.Max(position, start);
                    var to = Math.Min(position + token.Value.Length, end);
                    if (from < to)
                    {
                        for (; opened < wanted.Count; opened++)
                        {
                            writer.Open(wanted[opened]);
                        }

                        writer.Text(to - from == token.Value.Length ? token.Value : token.Value.Substring(from - position, to - from));
                    }

                    position += token.Value.Length;
                    break;
            }
        }

        for (; opened > 0; opened--)
        {
            writer.Close(wanted[opened - 1]);
        }
    }

    /// <summary>What <see cref="Walk{TWriter}"/> writes to; a struct, so each writer gets its own compiled walk.</summary>
    private interface IRangeWriter
    {
        void Open(MarkupToken open);

        void Close(MarkupToken open);

        void Raw(MarkupToken raw);

        void Text(string text);
    }

    private readonly struct MarkupWriter(StringBuilder output, Func<string, string> escape) : IRangeWriter
    {
        public void Open(MarkupToken open) => output.Append(open.Value);

        public void Close(MarkupToken open) => output.Append(open.Close);

        public void Raw(MarkupToken raw) => output.Append(raw.Value);

        public void Text(string text) => output.Append(escape(text));
    }

    private readonly struct TokenWriter(List<MarkupToken> tokens) : IRangeWriter
    {
        public List<MarkupToken> Tokens => tokens;

        public void Open(MarkupToken open) => tokens.Add(open);

        public void Close(MarkupToken open) => tokens.Add(MarkupToken.End);

        public void Raw(MarkupToken raw) => tokens.Add(raw);

        public void Text(string text) => tokens.Add(MarkupToken.Text(text));
    }

    private static int ChooseCut(string text, int start, int budget)
    {
        if (text.Length - start <= budget)
        {
            return text.Length;
        }

        var limit = start + budget;
        int line = -1, sentence = -1, word = -1;
        for (var p = limit; p > start; p--)
        {
            var previous = text[p - 1];
            if (!char.IsWhiteSpace(previous))
            {
                continue;
            }

            if (previous == '\n')
            {
                line = Math.Max(line, p);
            }

            word = Math.Max(word, p);
            var q = p - 1;
            while (q > start && char.IsWhiteSpace(text[q - 1]))
            {
                q--;
            }

            if (q > start && SentenceEnds.Contains(text[q - 1]))
            {
                sentence = Math.Max(sentence, p);
            }

            if (line >= 0 && sentence >= 0)
            {
                break;
            }
        }

        // A late weaker boundary beats an early stronger one: parts should not come out tiny.
        var half = start + budget / 2;
        foreach (var candidate in new[] { line, sentence, word })
        {
            if (candidate >= half)
            {
                return candidate;
            }
        }

        var best = Math.Max(line, Math.Max(sentence, word));
        return best > start ? best : GraphemeCut(text, start, limit);
    }

    private static int GraphemeCut(string text, int start, int limit)
    {
        var cut = start;
        var p = start;
        while (p < limit)
        {
            var length = StringInfo.GetNextTextElementLength(text, p);
            if (p + length > limit)
            {
                break;
            }

            p += length;
            cut = p;
        }

        if (cut > start)
        {
            return cut;
        }

        // One grapheme longer than a whole part (a letter with thousands of combining marks):
        // fall back to a code point boundary, which still never halves a surrogate pair.
        cut = limit;
        if (char.IsLowSurrogate(text[cut]) && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return cut > start ? cut : start + 2;
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    private static int SkipWhitespace(string text, int start)
    {
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        return start;
    }
}
