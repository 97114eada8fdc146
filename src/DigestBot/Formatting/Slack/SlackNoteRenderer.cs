using System.Globalization;
using DigestBot.Formatting.Slack.Blocks;
using DigestBot.Formatting.Slack.RichText;
using DigestBot.Notes;
using MarkdownDocument = Markdig.Syntax.MarkdownDocument;

namespace DigestBot.Formatting.Slack;

/// <summary>
/// A note as Block Kit: header, authors, abstract, links, commentary, tags and a button to the
/// paper, with every field cut into as many blocks as Slack's limits need. The abstract and the commentary are rich
/// text, which Slack reads no markup in: emphasis beside Korean shows as emphasis, never as stray asterisks.
/// </summary>
internal sealed class SlackNoteRenderer
{
    private const string Ellipsis = "…";
    private const string ButtonLabel = "Read the paper";

    /// <summary>The note as one message; see <see cref="RenderThread"/> for notes beyond 50 blocks.</summary>
    public SlackMessage Render(Note note) => RenderThread(note)[0];

    /// <summary>
    /// The note's messages: the first, then (only for a note needing more than 50 blocks, some
    /// 140,000 characters) continuations to post in its thread, so that nothing is dropped.
    /// </summary>
    /// <param name="commentary">The note's commentary as <see cref="CommentaryMarkdown.Parse"/> read it, when the caller
    /// has it already (<see cref="NoteRenderCheck"/> renders it for both platforms); null to parse it here.</param>
    public IReadOnlyList<SlackMessage> RenderThread(Note note, MarkdownDocument? commentary = null)
    {
        var fallback = Fallback(note);
        var messages = new List<SlackMessage>();
        var chunk = new List<Block>();
        var chunkText = 0;
        foreach (var block in Blocks(note, commentary))
        {
            var text = TextLength(block);
            if (chunk.Count == Block.MaxPerMessage || (chunk.Count > 0 && chunkText + text > SlackMessage.MaxTextLength))
            {
                messages.Add(new SlackMessage(fallback, chunk, ReplyToPart: messages.Count == 0 ? null : 0));
                chunk = [];
                chunkText = 0;
            }

            chunk.Add(block);
            chunkText += text;
        }

        if (chunk.Count > 0)
        {
            messages.Add(new SlackMessage(fallback, chunk, ReplyToPart: messages.Count == 0 ? null : 0));
        }

        return messages;
    }

    /// <summary>Slack truncates a message past 40,000 characters; the blocks' text is held to that, not only the fallback.</summary>
    private static int TextLength(Block block) => block switch
    {
        HeaderBlock header => header.Text.Text.Length,
        SectionBlock section => section.Text.Text.Length,
        ContextBlock context => context.Elements.Sum(static e => e.Text.Length),
        ActionsBlock actions => actions.Elements.Sum(static b => b.Text.Text.Length + (b.Url?.Length ?? 0)),
        RichTextBlock rich => SlackRichText.TextLength(rich),
        _ => 0,
    };

    private static List<Block> Blocks(Note note, MarkdownDocument? commentary)
    {
        var blocks = new List<Block>();
        var header = Header(note.Title);
        if (header.Length > 0)
        {
            blocks.Add(new HeaderBlock(new PlainText(header)));
        }

        if (header != note.Title)
        {
            blocks.AddRange(Sections(Bold(note.Title)));
        }

        blocks.AddRange(Contexts(string.Join(", ", note.Authors)));
        blocks.AddRange(SlackRichText.Blocks([MarkupToken.Text(note.Abstract)]));
        blocks.AddRange(Sections(Links(note)));
        blocks.AddRange(SlackRichText.Blocks(commentary is null ? SlackRichText.MarkdownToTokens(note.Commentary) : SlackRichText.MarkdownToTokens(commentary)));
        blocks.AddRange(Contexts(string.Join(" ", note.Tags.Select(Tag.ForDisplay))));
        if (WebLink.IsWeb(note.PaperLink) && note.PaperLink!.Length <= ButtonElement.MaxUrlLength)
        {
            blocks.Add(new ActionsBlock([new ButtonElement(new PlainText(ButtonLabel), note.PaperLink, "open_paper")]));
        }

        return blocks;
    }

    /// <summary>Headers take one line of at most 150; anything cut here is repeated whole below.</summary>
    private static string Header(string title)
    {
        var line = string.Join(' ', title.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        if (line.Length <= HeaderBlock.MaxTextLength)
        {
            return line;
        }

        var room = HeaderBlock.MaxTextLength - Ellipsis.Length;
        var cut = 0;
        while (cut < line.Length)
        {
            var next = cut + StringInfo.GetNextTextElementLength(line, cut);
            if (next > room)
            {
                break;
            }

            cut = next;
        }

        if (cut == 0)
        {
            cut = char.IsHighSurrogate(line[room - 1]) ? room - 1 : room;
        }

        return line[..cut] + Ellipsis;
    }

    private static string Fallback(Note note)
    {
        var title = Header(note.Title);
        var text = WebLink.IsWeb(note.PaperLink) ? $"{title}\n{note.PaperLink}" : title;
        return text.Trim().Length > 0 ? SlackMrkdwn.Escape(text) : ButtonLabel;
    }

    private static IReadOnlyList<MarkupToken> Bold(string text) =>
        [MarkupToken.Open("*", "*"), MarkupToken.Text(text), MarkupToken.End];

    private static IReadOnlyList<MarkupToken> Links(Note note)
    {
        // The paper link has its button; the section is for links beyond it, or one that cannot be a button.
        var buttonLink = WebLink.IsWeb(note.PaperLink) && note.PaperLink!.Length <= ButtonElement.MaxUrlLength ? 1 : 0;
        var links = new MarkupBuffer();
        foreach (var link in note.Links.Skip(buttonLink))
        {
            links.EnsureLine();
            if (WebLink.IsWeb(link))
            {
                links.Open($"<{SlackMrkdwn.LinkTarget(link)}|", ">");
                links.Text(WebLink.Display(link));
                links.Close();
            }
            else
            {
                links.Text(link);
            }
        }

        return links.Tokens;
    }

    private static IEnumerable<Block> Sections(IReadOnlyList<MarkupToken> tokens) =>
        MarkupPacker.Pack(tokens, SectionBlock.MaxTextLength, SlackMrkdwn.Escape, static text => text.Length)
            .Select(text => new SectionBlock(new MrkdwnText(text)));

    /// <summary>Plain text needs no escaping, so authors and tags can never ping or link.</summary>
    private static IEnumerable<Block> Contexts(string text) =>
        MarkupPacker.Pack([MarkupToken.Text(text)], ContextBlock.MaxElementTextLength, static t => t, static t => t.Length)
            .Select(static element => (TextObject)new PlainText(element))
            .Chunk(ContextBlock.MaxElements)
            .Select(static elements => new ContextBlock(elements));
}
