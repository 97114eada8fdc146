using System.Globalization;
using DigestBot.Chat;
using DigestBot.Formatting;
using DigestBot.Formatting.Slack;
using DigestBot.Formatting.Slack.Blocks;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// A chat answer laid out for Slack (<see cref="ChatReplyLayout"/>) as Block Kit: the heading in bold, one section per
/// note (title linked to its post, status, paper link), the plain lines packed into sections, the page, and
/// Previous/Next buttons (<see cref="SlackPageButton"/>), or under each note of a curator's queue its ▲ ▼ Next Withdraw
/// (<see cref="SlackQueueButtons"/>). Within every Block Kit limit; every piece of text escaped by <see cref="SlackMrkdwn"/>.
/// </summary>
internal static class SlackReplyRenderer
{
    /// <summary>Long titles are cut here so ten notes always fit; the post and paper links carry the rest.</summary>
    private const int MaxTitleLength = 300;

    /// <summary>The notes of a curator's queue shown with buttons in one message: two blocks each, well within the 50.</summary>
    public const int MaxQueueNotes = 20;

    /// <param name="notice">A sentence about a button just pressed, shown above the answer.</param>
    /// <param name="maxQueueNotes">How many notes of a curator's queue get shown, with their buttons.</param>
    public static SlackMessage Render(ChatReply reply, string? notice = null, int maxQueueNotes = MaxQueueNotes)
    {
        var blocks = new List<Block>();
        if (notice is not null)
        {
            blocks.Add(new ContextBlock([new PlainText(TextCut.WithEllipsis(notice, ContextBlock.MaxElementTextLength))]));
        }

        blocks.AddRange(Sections(Bold(reply.Heading)));
        var shown = reply.QueueVersion is null ? reply.Notes : reply.Notes.Take(maxQueueNotes).ToList();
        foreach (var note in shown)
        {
            blocks.AddRange(Sections(Listing(note, reply.Language)));
            if (reply.QueueVersion is { } version)
            {
                blocks.Add(SlackQueueButtons.For(note, version, reply.Language));
            }
        }

        if (reply.Notes.Count > shown.Count)
        {
            blocks.Add(new ContextBlock([new PlainText(ChatText.Format(reply.Language, ChatTextKey.MoreNotShown, reply.Notes.Count - shown.Count))]));
        }

        if (reply.Lines.Count > 0)
        {
            var lines = new MarkupBuffer();
            foreach (var line in reply.Lines)
            {
                lines.EnsureLine();
                lines.Text(line);
            }

            blocks.AddRange(Sections(lines.Tokens));
        }

        if (reply.Preformatted is { } copy)
        {
            blocks.AddRange(CodeBlocks(copy.TrimEnd('\n')));
        }

        var pages = SlackPageButton.For(reply) ?? SlackEditButtons.For(reply);
        var footer = Footer(reply, pages is not null);
        var room = Block.MaxPerMessage - (footer is null ? 0 : 1) - (pages is null ? 0 : 1);
        if (blocks.Count > room)
        {
            var cut = blocks.Count - (room - 1);
            blocks = [.. blocks.Take(room - 1), new ContextBlock([new PlainText(ChatText.Format(reply.Language, ChatTextKey.MoreThanSlackFits, cut))])];
        }

        if (footer is not null)
        {
            blocks.Add(footer);
        }

        if (pages is not null)
        {
            blocks.Add(pages);
        }

        var text = SlackMrkdwn.Escape(TextCut.WithEllipsis(reply.Heading, SlackMessage.MaxTextLength / 2));
        return new SlackMessage(text.Trim().Length > 0 ? text : "DigestBot", blocks);
    }

    private static IReadOnlyList<MarkupToken> Bold(string text) =>
        [MarkupToken.Open("*", "*"), MarkupToken.Text(text), MarkupToken.End];

    private static IReadOnlyList<MarkupToken> Listing(NoteListing note, ChatLanguage language)
    {
        var text = new MarkupBuffer();
        text.Text(note.Number.ToString(CultureInfo.InvariantCulture) + ". ");
        text.Open("*", "*");
        var title = TextCut.WithEllipsis(note.Title, MaxTitleLength);
        if (WebLink.IsWeb(note.PostLink))
        {
            text.Open($"<{SlackMrkdwn.LinkTarget(note.PostLink!)}|", ">");
            text.Text(title);
            text.Close();
        }
        else
        {
            text.Text(title);
        }

        text.Close();
        if (note.Date is { } date)
        {
            text.Text(date.ToString(" (yyyy-MM-dd)", CultureInfo.InvariantCulture));
        }

        text.EnsureLine();
        if (note.When is { } when)
        {
            text.Open("_", "_");
            text.Text(ChatText.Format(language, ChatTextKey.QueuedWhen, when));
            text.Close();
        }
        else if (note.Posted is { } posted)
        {
            text.Text(posted);
        }

        if (WebLink.IsWeb(note.PaperLink))
        {
            text.Text(" · ");
            text.Open($"<{SlackMrkdwn.LinkTarget(note.PaperLink!)}|", ">");
            text.Text(TextCut.WithEllipsis(WebLink.Display(note.PaperLink!), 80));
            text.Close();
        }

        return text.Tokens;
    }

    /// <summary>The page shown; where no buttons can be offered, also the command for the next one.</summary>
    private static ContextBlock? Footer(ChatReply reply, bool buttons)
    {
        if (reply.PageCount <= 1)
        {
            return null;
        }

        var text = ChatText.Format(reply.Language, ChatTextKey.PageOf, reply.Page, reply.PageCount) + ".";
        if (!buttons && reply.Page < reply.PageCount && reply.PageCommand is not null)
        {
            text += " " + ChatText.Format(reply.Language, ChatTextKey.NextPage, string.Create(CultureInfo.InvariantCulture, $"{reply.PageCommand} {reply.Page + 1}"));
        }

        return new ContextBlock([new PlainText(TextCut.WithEllipsis(text, ContextBlock.MaxElementTextLength))]);
    }

    /// <summary>Text to copy as Slack code blocks (rich text, read as typed), split between lines to stay within a block's size.</summary>
    private static IEnumerable<Block> CodeBlocks(string text)
    {
        var chunk = new System.Text.StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            foreach (var piece in line.Chunk(RichTextBlock.MaxTextLength - 1).Select(c => new string(c)).DefaultIfEmpty(""))
            {
                if (chunk.Length > 0 && chunk.Length + piece.Length + 1 > RichTextBlock.MaxTextLength)
                {
                    yield return Code(chunk.ToString());
                    chunk.Clear();
                }

                chunk.Append(chunk.Length > 0 ? "\n" : "").Append(piece);
            }
        }

        yield return Code(chunk.ToString());

        static RichTextBlock Code(string text) => new([new RichTextPreformatted([new RichTextText(text)])]);
    }

    private static IEnumerable<Block> Sections(IReadOnlyList<MarkupToken> tokens) =>
        MarkupPacker.Pack(tokens, SectionBlock.MaxTextLength, SlackMrkdwn.Escape, static text => text.Length)
            .Select(static text => new SectionBlock(new MrkdwnText(text)));
}
