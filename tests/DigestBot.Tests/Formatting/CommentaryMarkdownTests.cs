using CsCheck;
using DigestBot.Formatting;
using DigestBot.Formatting.Renderers;
using DigestBot.Formatting.Slack;
using DigestBot.Formatting.Slack.Renderers;
using DigestBot.Formatting.Telegram;
using DigestBot.Formatting.Telegram.Renderers;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace DigestBot.Tests.Formatting;

/// <summary>
/// The shortcuts of the commentary path against the plain way of doing it: a fresh renderer per document, and
/// every document parsed with the whole <see cref="CommentaryMarkdown.Pipeline"/>.
/// </summary>
public sealed class CommentaryMarkdownTests
{
    private const int Documents = 1000;

    private static readonly Gen<string> Commentary = RandomNotes.Notes.Select(note => note.Commentary);

    [Fact]
    public void Commentary_without_a_pipe_renders_as_the_whole_pipeline_renders_it() =>
        Commentary.Select(markdown => markdown.Replace('|', '/')).Sample(
            markdown =>
            {
                Assert.Equal(Plainly(new TelegramHtmlRenderer(), markdown, TelegramHtml.Escape), TelegramHtml.MarkdownToHtml(markdown));
                Assert.Equal(Plainly(new SlackMrkdwnRenderer(), markdown, SlackMrkdwn.Escape), SlackMrkdwn.MarkdownToMrkdwn(markdown));
            },
            iter: Documents,
            threads: 1);

    [Fact]
    public void The_reused_renderer_carries_nothing_from_one_document_to_the_next() =>
        Gen.Select(Commentary, Commentary).Sample(
            (first, second) =>
            {
                TelegramHtml.MarkdownToHtml(first);
                Assert.Equal(Plainly(new TelegramHtmlRenderer(), second, TelegramHtml.Escape), TelegramHtml.MarkdownToHtml(second));
                SlackMrkdwn.MarkdownToMrkdwn(first);
                Assert.Equal(Plainly(new SlackMrkdwnRenderer(), second, SlackMrkdwn.Escape), SlackMrkdwn.MarkdownToMrkdwn(second));
            },
            iter: Documents,
            threads: 1);

    [Fact]
    public void A_document_too_deeply_nested_to_render_leaves_the_next_one_rendered_as_ever()
    {
        // Markdig reads 500 nested emphases, then refuses to render them, and its renderer keeps the depth it reached.
        var nested = new string('*', 500) + "강조" + new string('*', 500);
        const string next = "SAM 2가 나왔군요. **비디오**에 대한 확장입니다.";

        Assert.Throws<ArgumentException>(() => TelegramHtml.MarkdownToHtml(nested));
        Assert.Throws<ArgumentException>(() => SlackMrkdwn.MarkdownToMrkdwn(nested));

        Assert.Equal("SAM 2가 나왔군요. <b>비디오</b>에 대한 확장입니다.", TelegramHtml.MarkdownToHtml(next));
        Assert.Equal("SAM 2가 나왔군요. *비디오*에 대한 확장입니다.", SlackMrkdwn.MarkdownToMrkdwn(next));
    }

    [Theory]
    [InlineData("| a | b |\n|---|---|\n| c | d |")]
    [InlineData("Intro line\n\na | b\n- | -\nc | d")]
    public void A_table_is_still_read_as_a_table(string markdown) =>
        Assert.Single(CommentaryMarkdown.Parse(markdown).Descendants<Table>());

    private static string Plainly(MarkupRenderer renderer, string markdown, Func<string, string> escape)
    {
        renderer.Render(Markdown.Parse(markdown, CommentaryMarkdown.Pipeline));
        return MarkupPacker.Serialize(renderer.Markup.Tokens, escape);
    }
}
