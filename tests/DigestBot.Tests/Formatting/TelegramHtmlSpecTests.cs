using DigestBot.Formatting.Telegram;

namespace DigestBot.Tests.Formatting;

public sealed class TelegramHtmlSpecTests
{
    public static TheoryData<string, string, string> Examples => SpecExamples.Load("TelegramHtmlSpecs.md");

    public static TheoryData<string, string, string> CjkExamples => SpecExamples.Load("TelegramCjkEmphasisSpecs.md");

    [Theory]
    [MemberData(nameof(Examples))]
    [MemberData(nameof(CjkExamples))]
    public void Renders_commentary_as_Telegram_accepts_it(string example, string markdown, string expected)
    {
        var html = TelegramHtml.MarkdownToHtml(markdown);

        Assert.True(expected == html, $"{example}\nexpected: {expected}\nactual:   {html}");
        Assert.Empty(TelegramHtmlValidator.Problems(html));
    }
}
