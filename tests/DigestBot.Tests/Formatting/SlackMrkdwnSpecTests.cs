using DigestBot.Formatting.Slack;

namespace DigestBot.Tests.Formatting;

public sealed class SlackMrkdwnSpecTests
{
    public static TheoryData<string, string, string> Examples => SpecExamples.Load("SlackMrkdwnSpecs.md");

    [Theory]
    [MemberData(nameof(Examples))]
    public void Renders_commentary_as_mrkdwn(string example, string markdown, string expected)
    {
        var mrkdwn = SlackMrkdwn.MarkdownToMrkdwn(markdown);

        Assert.True(expected == mrkdwn, $"{example}\nexpected: {expected}\nactual:   {mrkdwn}");
    }
}
