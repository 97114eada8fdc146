using DigestBot.Chat;
using DigestBot.Formatting;
using DigestBot.Formatting.Plain;
using DigestBot.Formatting.Slack;
using DigestBot.Formatting.Slack.Blocks;
using DigestBot.Notes;
using DigestBot.Platforms.Slack.WebApi;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// Lays out the preview under a paper link: its title and authors; for a posted note the first lines of our commentary
/// (plain text, so nothing in it is read as markup) and a link to our post; for a curator's link to a paper we do not
/// have, a Queue it button carrying the arXiv id.
/// </summary>
internal static class SlackUnfurlView
{
    public const string QueueAction = "unfurl_queue";

    public const int MaxCommentaryLines = 3;

    public const int MaxCommentaryLength = 500;

    private const int MaxTitleLength = 300;

    private const int MaxAuthorsLength = 300;

    public static SlackUnfurl Build(string title, IReadOnlyList<string> authors, string? commentary, string? postLink, string? queueArxivId)
    {
        var blocks = new List<Block> { new SectionBlock(new MrkdwnText("*" + SlackMrkdwn.Escape(TextCut.WithEllipsis(title, MaxTitleLength)) + "*")) };
        if (authors.Count > 0)
        {
            blocks.Add(new ContextBlock([new PlainText(TextCut.WithEllipsis(string.Join(", ", authors), MaxAuthorsLength))]));
        }

        if (commentary is not null && FirstLines(commentary) is { Length: > 0 } lines)
        {
            blocks.Add(new SectionBlock(new PlainText(lines)));
        }

        if (WebLink.IsWeb(postLink))
        {
            blocks.Add(new ContextBlock([new MrkdwnText($"<{SlackMrkdwn.LinkTarget(postLink!)}|{SlackMrkdwn.Escape(ChatText.Get(ChatTextKey.InlinePost))}>")]));
        }

        if (queueArxivId is not null)
        {
            blocks.Add(new ActionsBlock([ButtonElement.Action(ChatText.Get(ChatTextKey.UnfurlQueueIt), QueueAction, queueArxivId, "primary")]));
        }

        return new SlackUnfurl(blocks);
    }

    /// <summary>The arXiv id a Queue it button carries, checked as user input; null for anything else.</summary>
    public static string? ArxivIdOf(string? value) =>
        value is { Length: > 0 and <= 64 } && ArxivId.TryFromUrl(ArxivId.AbsUrl(value), out var id) && id == value ? id : null;

    /// <summary>The commentary's first non-empty lines as text, cut at a character boundary, with "…" when anything was left out.</summary>
    public static string FirstLines(string commentary)
    {
        var text = MarkupPacker.VisibleText(new PlainTextRenderer().RenderMarkdown(commentary));
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var shown = string.Join('\n', lines.Take(MaxCommentaryLines));
        return lines.Count > MaxCommentaryLines && shown.Length < MaxCommentaryLength
            ? shown + "\n…"
            : TextCut.WithEllipsis(shown, MaxCommentaryLength);
    }
}
