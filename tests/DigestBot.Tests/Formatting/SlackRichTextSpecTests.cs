using DigestBot.Formatting.Slack.RichText;

namespace DigestBot.Tests.Formatting;

public sealed class SlackRichTextSpecTests
{
    public static TheoryData<string, string, string> Examples => SpecExamples.Load("SlackRichTextSpecs.md");

    public static TheoryData<string, string, string> CjkExamples => SpecExamples.Load("SlackCjkEmphasisSpecs.md");

    [Theory]
    [MemberData(nameof(Examples))]
    [MemberData(nameof(CjkExamples))]
    public void Renders_commentary_as_rich_text(string example, string markdown, string expected)
    {
        var blocks = SlackRichText.Blocks(SlackRichText.MarkdownToTokens(markdown));
        var written = RichTextNotation.Write(blocks);

        Assert.True(expected == written, $"{example}\nexpected: {expected}\nactual:   {written}");
    }
}
