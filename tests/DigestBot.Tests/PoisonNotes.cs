using System.Text;
using DigestBot.Formatting.Telegram;
using DigestBot.Notes;

namespace DigestBot.Tests;

/// <summary>
/// Commentary that no platform can take (issue 15): Markdig refuses the first two as "too deeply nested" (one while
/// parsing, one while rendering), and the third would take hundreds of messages. And a digest file that mixes them with
/// good notes, knowing the line each note starts on.
/// </summary>
internal static class PoisonNotes
{
    public const string DeepQuoteTitle = "인용이 깊은 논문";
    public const string DeepEmphasisTitle = "강조가 깊은 논문";
    public const string HugeTitle = "코멘트가 긴 논문";

    public const string TooDeep =
        "cannot be rendered: its commentary nests quotes (>), lists, brackets or emphasis (*) too deeply for Markdown; nest them less, or write those lines as plain text.";

    /// <summary>A commentary line of 128 <c>&gt;</c>.</summary>
    public static string DeepQuote { get; } = new string('>', 128) + " 인용이 너무 깊습니다";

    /// <summary>About 500 nested emphases.</summary>
    public static string DeepEmphasis { get; } = new string('*', 500) + "강조" + new string('*', 500);

    /// <summary>3 MB of Korean commentary (a million Hangul syllables, three bytes each), in paragraphs.</summary>
    public static string Huge { get; } = HugeText();

    public static string Sentence(string title, string reason) => $"the note \"{title}\" {reason}";

    /// <summary>A digest of notes (title, commentary) in order; <paramref name="titleLines"/> gets each title's line.</summary>
    public static string Digest(out IReadOnlyList<int> titleLines, params (string Title, string Commentary)[] notes)
    {
        var text = new StringBuilder("2024-07-30\n");
        var line = 2;
        var lines = new List<int>();
        foreach (var (title, commentary) in notes)
        {
            lines.Add(line);
            text.Append(title).Append("\n(김철수, Ada Lovelace)\nWe present a model that reads papers.\n")
                .Append(commentary).Append("\n#paper-test\n\n");
            line += 6 + commentary.Count(c => c == '\n');
        }

        titleLines = lines;
        return text.ToString();
    }

    /// <summary>Good notes around the three poison ones: 1 and 5 are good, 2–4 are <see cref="DeepQuote"/>,
    /// <see cref="DeepEmphasis"/> and <see cref="Huge"/>.</summary>
    public static string MixedDigest(out IReadOnlyList<int> titleLines) =>
        Digest(
            out titleLines,
            ("좋은 논문 하나", "SAM 2가 나왔군요. **비디오**에 대한 확장입니다."),
            (DeepQuoteTitle, "앞의 문장.\n" + DeepQuote),
            (DeepEmphasisTitle, DeepEmphasis),
            (HugeTitle, Huge),
            ("좋은 논문 둘", "데이터 엔진이 흥미롭습니다."));

    /// <summary>What <c>import</c> says of <see cref="MixedDigest"/>'s poison notes, as <paramref name="file"/>.</summary>
    public static IReadOnlyList<string> MixedDigestProblems(string file, IReadOnlyList<int> titleLines)
    {
        var huge = new DigestTextParser().Parse(Digest(out _, (HugeTitle, Huge)), file).Notes.Single();
        var parts = new TelegramNoteRenderer().Render(huge).Count;
        return
        [
            $"{file}:{titleLines[1]}: {Sentence(DeepQuoteTitle, TooDeep)}",
            $"{file}:{titleLines[2]}: {Sentence(DeepEmphasisTitle, TooDeep)}",
            $"{file}:{titleLines[3]}: the note \"{HugeTitle}\" would need {parts} Telegram messages (the limit is Notes:MaxMessages = 10); shorten its commentary or abstract.",
        ];
    }

    private static string HugeText()
    {
        var paragraph = string.Concat(Enumerable.Repeat("비디오 분할을 위한 데이터 엔진과 메모리 모듈에 대한 긴 설명입니다. ", 100)).TrimEnd();
        var count = 3_000_000 / Encoding.UTF8.GetByteCount(paragraph) + 1;
        return string.Join("\n\n", Enumerable.Repeat(paragraph, count));
    }
}
