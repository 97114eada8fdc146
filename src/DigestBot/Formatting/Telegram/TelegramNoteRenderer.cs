using DigestBot.Notes;
using Markdig.Syntax;

namespace DigestBot.Formatting.Telegram;

/// <summary>
/// A note as Telegram messages: title, authors, the abstract in an expandable quote, the links,
/// the commentary and the hashtags; continued in replies to the first message when it is too long.
/// </summary>
internal sealed class TelegramNoteRenderer
{
    public IReadOnlyList<TelegramMessagePart> Render(Note note) => Render(note, null);

    /// <param name="commentary">The note's commentary as <see cref="CommentaryMarkdown.Parse"/> read it, when the caller
    /// has it already (<see cref="NoteRenderCheck"/> renders it for both platforms); null to parse it here.</param>
    public IReadOnlyList<TelegramMessagePart> Render(Note note, MarkdownDocument? commentary)
    {
        var html = MarkupPacker.Pack(Layout(note, commentary), TelegramHtml.MaxVisibleLength, TelegramHtml.Escape, TelegramHtml.VisibleLength);
        var preview = Preview(note);
        return html
            .Select((text, index) => new TelegramMessagePart(
                text,
                index == 0 ? null : 0,
                index == 0 ? preview : null,
                TelegramHtml.VisibleLength(text)))
            .ToList();
    }

    /// <summary>
    /// The paper's page, so the card under a post is the paper whichever link the commentary names first: the arXiv
    /// abstract page when the note has an arXiv id (a PDF link would preview as a file), else the note's paper link.
    /// Without either, previews stay off rather than falling back to the first link Telegram finds in the text.
    /// </summary>
    public static string? Preview(Note note) =>
        note.ArxivId is { Length: > 0 } id ? ArxivId.AbsUrl(id)
        : WebLink.IsWeb(note.PaperLink) ? note.PaperLink
        : null;

    /// <summary>
    /// How many messages <see cref="Render(Note, MarkdownDocument?)"/> makes of the note, without writing them when it is
    /// one. Telegram counts only the visible text against its limit, and that text is what the packer cuts, so a note
    /// whose visible text fits is one message (a property test holds this to <see cref="Render(Note, MarkdownDocument?)"/>).
    /// </summary>
    public int CountMessages(Note note, MarkdownDocument? commentary)
    {
        var tokens = Layout(note, commentary);
        return !string.IsNullOrWhiteSpace(note.Title) && MarkupPacker.VisibleLength(tokens) <= TelegramHtml.MaxVisibleLength
            ? 1
            : MarkupPacker.Pack(tokens, TelegramHtml.MaxVisibleLength, TelegramHtml.Escape, TelegramHtml.VisibleLength).Count;
    }

    private static IReadOnlyList<MarkupToken> Layout(Note note, MarkdownDocument? commentary)
    {
        var message = new MarkupBuffer();
        Element(message, "<b>", "</b>", note.Title);
        if (note.Authors.Count > 0)
        {
            message.EnsureLine();
            Element(message, "<i>", "</i>", string.Join(", ", note.Authors));
        }

        if (!string.IsNullOrWhiteSpace(note.Abstract))
        {
            message.EnsureLine();
            Element(message, "<blockquote expandable>", "</blockquote>", note.Abstract);
        }

        foreach (var link in note.Links)
        {
            message.EnsureLine();
            if (WebLink.IsWeb(link))
            {
                Element(message, $"<a href=\"{TelegramHtml.EscapeAttribute(link)}\">", "</a>", WebLink.Display(link));
            }
            else
            {
                message.Text(link);
            }
        }

        if (!string.IsNullOrWhiteSpace(note.Commentary))
        {
            message.EnsureBlankLine();
            message.AddRange(commentary is null ? TelegramHtml.MarkdownToTokens(note.Commentary) : TelegramHtml.MarkdownToTokens(commentary));
        }

        if (note.Tags.Count > 0)
        {
            message.EnsureBlankLine();
            message.Text(string.Join(" ", note.Tags.Select(Tag.ForTelegram)));
        }

        return message.Tokens;
    }

    private static void Element(MarkupBuffer message, string open, string close, string text)
    {
        message.Open(open, close);
        message.Text(text);
        message.Close();
    }
}
