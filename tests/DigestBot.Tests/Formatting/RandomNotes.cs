using System.Text;
using CsCheck;
using DigestBot.Notes;

namespace DigestBot.Tests.Formatting;

/// <summary>Random notes: random commentary Markdown of every node type, fields short and long, any Unicode.</summary>
internal static class RandomNotes
{
    private static readonly string[] Words =
    [
        "SAM", "model", "video_segmentation", "snake_case_name", "2*3*4", "a_b_", "비디오", "확장입니다.", "한국어",
        "👩‍💻", "🇰🇷", "👍🏽", "🧑‍🤝‍🧑", "שלום", "مرحبا", "\u200F", "\u200D", "\u200B", "e\u0301", "𝔘𝔫𝔦", "𠜎",
        "<", ">", "&", "\"", "'", "&amp;", "&lt;b&gt;", "<b>", "</i>", "<script>", "@channel", "@here", "@Everyone",
        "<!channel>", "<!here>", "<@U123>", "<#C1|x>", "#tag", "#video-segmentation", "|", "\\", "`", "~", "[", "]",
        "(", ")", "!", ".", "?", "。", "…", "*", "_", "**", "&#128512;", "&copy;", "https://arxiv.org/abs/2406.04638",
        "**마크다운(Markdown)**의", "**한국어**는", "*강조*를", "**SAM 2**가", "~~취소~~", "<!subteam^S1>", "<@U123|name>",
        "```", "~", "_기울임_이", "正體字。\uFE01", "葛\U000E0100",
    ];

    private static readonly Gen<string> CodePoint = Gen.Int[0x20, 0x10FFFF]
        .Where(c => c is < 0xD800 or > 0xDFFF and not (>= 0x7F and < 0xA0))
        .Select(char.ConvertFromUtf32);

    private static readonly Gen<string> Word = Gen.Frequency(
        (6, Gen.OneOfConst(Words)),
        (3, Gen.String[Gen.Char['a', 'z'], 1, 12]),
        (2, CodePoint.Array[1, 4].Select(string.Concat)));

    private static readonly Gen<string> Inline = Gen.Frequency(
        (10, Word),
        (2, Word.Select(w => $"*{w}*")),
        (2, Word.Select(w => $"**{w}**")),
        (1, Word.Select(w => $"`{w}`")),
        (2, Word.Select(w => $"[{w}](https://example.com/p?a=1&b=\"{w}\")")),
        (1, Word.Select(w => $"[{w}](javascript:alert('{w}'))")),
        (1, Word.Select(w => $"![{w}](https://example.com/i.png)")),
        (2, Gen.Int[1, 99999].Select(n => $"(https://arxiv.org/abs/2406.{n:D5})")),
        (1, Gen.Const("<https://example.com/a_b>")),
        (1, Word.Select(w => $"<span title=\"{w}\">")));

    private static readonly Gen<string> Line = Inline.Array[1, 12].Select(items => string.Join(" ", items));

    private static readonly Gen<string> Block = Gen.Frequency(
        (8, Line.Array[1, 3].Select(lines => string.Join("\n", lines))),
        (1, Line.Select(l => "# " + l)),
        (1, Line.Array[1, 4].Select(items => string.Concat(items.Select(i => "- " + i + "\n")))),
        (1, Line.Array[1, 4].Select(items => string.Concat(items.Select((i, n) => $"{n + 1}. {i}\n")))),
        (1, Line.Array[1, 3].Select(items => string.Concat(items.Select(i => "> " + i + "\n")))),
        (1, Line.Select(l => "> > " + l)),
        (1, Line.Select(l => "```python\n" + l + "\n```")),
        (1, Line.Select(l => "    " + l)),
        (1, Gen.Select(Word, Word, Line, (a, b, c) => $"| {a} | {b} |\n|---|---|\n| {c} | x |")),
        (1, Line.Select(l => "<div>\n" + l + "\n</div>")),
        (1, Gen.Const("---")));

    private static Gen<string> Text(int min, int max) => Word.Array[min, max].Select(words => string.Join(" ", words));

    public static Gen<Note> Notes { get; } = Gen.Select(
        Gen.Frequency((8, Text(1, 20)), (1, Text(100, 400))).Where(t => t.Trim().Length > 0),
        Gen.Frequency((6, Text(1, 4).Array[0, 8]), (1, Text(1, 3).Array[20, 200])),
        Gen.Frequency((3, Gen.Const("")), (6, Text(10, 300)), (2, Text(1000, 3000))),
        Gen.Frequency((3, Block.Array[0, 6]), (1, Block.Array[20, 80])),
        Gen.OneOfConst<string[]>([], ["https://arxiv.org/abs/2408.00714"], ["https://ai.meta.com/blog/x?a=1&b=\"2\"", "tg://user?id=1"], ["javascript:alert(1)"]),
        Gen.OneOfConst("llm", "video-segmentation", "한국어", "c++", "synthetic-data").Array[0, 5],
        (title, authors, abstractText, blocks, links, tags) => new Note
        {
            Title = title,
            Authors = authors,
            Abstract = abstractText,
            Links = links,
            Commentary = string.Join("\n\n", blocks),
            Tags = tags.Distinct().ToList(),
        });

    public static string Describe(Note note)
    {
        var text = new StringBuilder();
        text.AppendLine($"Title: {note.Title}").AppendLine($"Authors: {string.Join(", ", note.Authors)}");
        text.AppendLine($"Abstract: {note.Abstract}").AppendLine($"Links: {string.Join(" ", note.Links)}");
        text.AppendLine($"Tags: {string.Join(" ", note.Tags)}").AppendLine("Commentary:").AppendLine(note.Commentary);
        return text.ToString();
    }
}
