using System.Globalization;
using System.Text;
using DigestBot.Chat;
using DigestBot.Formatting;
using DigestBot.Formatting.Telegram;
using Telegram.Bot.Types.ReplyMarkups;

namespace DigestBot.Platforms.Telegram;

/// <summary>
/// A <see cref="ChatReply"/> laid out for Telegram (<see cref="ChatReplyLayout"/>) as Telegram HTML: every piece of
/// text goes through <see cref="TelegramHtml.Escape"/>, and whatever the titles hold the answer stays under Telegram's
/// 4096 visible units; pages get buttons, and a curator's queue gets ▲ ▼ Next Withdraw for each note it shows
/// (<see cref="TelegramQueueButton"/>).
/// </summary>
internal sealed class TelegramReplyRenderer
{
    private const int MaxTitle = 300;
    private const int MaxLine = 1000;
    // Room kept for the "… more" and page lines, which are always shown.
    private const int FooterReserve = 200;

    public TelegramReply Render(ChatReply reply)
    {
        // The heading and lines repeat what people typed (search words, a tag, a command) into chats others read.
        var heading = "<b>" + TelegramHtml.EscapeWithoutMentions(TextCut.WithEllipsis(reply.Heading, MaxLine)) + "</b>";
        var notes = reply.Notes.Select(n => Listing(n, reply.Language)).ToList();
        var lines = reply.Lines.Select(l => TelegramHtml.EscapeWithoutMentions(TextCut.WithEllipsis(l, MaxLine))).ToList();

        var budget = TelegramHtml.MaxVisibleLength - FooterReserve;
        var html = new StringBuilder(heading);
        var used = TelegramHtml.VisibleLength(heading);
        var omitted = 0;
        // A queue with buttons shows no more notes than one keyboard has rows for, and says so before its lines.
        var capped = reply.QueueVersion is null ? 0 : Math.Max(0, notes.Count - TelegramQueueButton.MaxNotes);
        var shownNotes = 0;
        // Notes are set apart by a blank line; plain lines follow one another.
        var more = capped > 0 ? new[] { (TelegramHtml.Escape(ChatText.Format(reply.Language, ChatTextKey.MoreNotShown, capped)), "\n\n", false) } : [];
        var blocks = notes.Take(notes.Count - capped).Select(n => (n, "\n\n", true))
            .Concat(more)
            .Concat(lines.Select((l, i) => (l, i == 0 ? "\n\n" : "\n", false)));
        foreach (var (block, separator, isNote) in blocks)
        {
            var length = TelegramHtml.VisibleLength(block) + separator.Length;
            if (omitted > 0 || used + length > budget)
            {
                omitted++;
                continue;
            }

            html.Append(separator).Append(block);
            used += length;
            shownNotes += isNote ? 1 : 0;
        }

        if (omitted > 0)
        {
            html.Append("\n\n").Append(TelegramHtml.Escape(ChatText.Format(reply.Language, ChatTextKey.MoreNotShown, omitted)));
        }

        if (reply.Preformatted is { } copy)
        {
            html.Append("\n\n<pre>").Append(TelegramHtml.Escape(copy.TrimEnd('\n'))).Append("</pre>");
        }

        var keyboard = reply.QueueVersion is { } version && shownNotes > 0
            ? new InlineKeyboardMarkup(TelegramQueueButton.Rows(reply.Notes.Take(shownNotes), version, reply.Language))
            : Keyboard(reply);
        if (reply.PageCount > 1)
        {
            var footer = ChatText.Format(reply.Language, ChatTextKey.PageOf, reply.Page, reply.PageCount);
            if (reply.Page < reply.PageCount && reply.PageCommand is not null && TelegramPageButton.Data(reply.PageCommand, reply.Page + 1) is null)
            {
                footer += " · " + ChatText.Format(reply.Language, ChatTextKey.NextPageInline, string.Create(CultureInfo.InvariantCulture, $"{reply.PageCommand} {reply.Page + 1}"));
            }

            html.Append("\n\n<i>").Append(TelegramHtml.Escape(TextCut.WithEllipsis(footer, MaxLine))).Append("</i>");
        }

        return new TelegramReply(html.ToString(), keyboard);
    }

    private static string Listing(NoteListing note, ChatLanguage language)
    {
        var html = new StringBuilder();
        html.Append(note.Number.ToString(CultureInfo.InvariantCulture)).Append(". ").Append(Bold(TextCut.WithEllipsis(note.Title, MaxTitle)));
        if ((note.Date ?? (note.PostedAt is { } posted ? DateOnly.FromDateTime(posted.UtcDateTime) : null)) is { } date)
        {
            html.Append(" · ").Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        var links = new List<string>();
        if (WebLink.IsWeb(note.PostLink))
        {
            links.Add(Link(note.PostLink!, ChatText.Get(language, ChatTextKey.PostLink)));
        }

        if (WebLink.IsWeb(note.PaperLink))
        {
            links.Add(Link(note.PaperLink!, TextCut.WithEllipsis(WebLink.Display(note.PaperLink!), 80)));
        }

        if (links.Count > 0)
        {
            html.Append('\n').Append(string.Join(" · ", links));
        }

        if (note.When is { } when)
        {
            html.Append('\n').Append("<i>").Append(TelegramHtml.Escape(ChatText.Format(language, ChatTextKey.QueuedWhen, when))).Append("</i>");
        }

        return html.ToString();
    }

    private static InlineKeyboardMarkup? Keyboard(ChatReply reply)
    {
        if (reply.PendingEditId is { } edit)
        {
            return new InlineKeyboardMarkup(
                InlineKeyboardButton.WithCallbackData(ChatText.Get(reply.Language, ChatTextKey.EditUpdateButton), TelegramEditButton.Data(edit, update: true)),
                InlineKeyboardButton.WithCallbackData(ChatText.Get(reply.Language, ChatTextKey.EditCancelButton), TelegramEditButton.Data(edit, update: false)));
        }

        if (reply.PageCount <= 1 || reply.PageCommand is null)
        {
            return null;
        }

        var buttons = new List<InlineKeyboardButton>();
        if (reply.Page > 1 && TelegramPageButton.Data(reply.PageCommand, reply.Page - 1) is { } previous)
        {
            buttons.Add(InlineKeyboardButton.WithCallbackData(ChatText.Get(reply.Language, ChatTextKey.PreviousButton), previous));
        }

        if (reply.Page < reply.PageCount && TelegramPageButton.Data(reply.PageCommand, reply.Page + 1) is { } next)
        {
            buttons.Add(InlineKeyboardButton.WithCallbackData(ChatText.Get(reply.Language, ChatTextKey.NextButton), next));
        }

        return buttons.Count == 0 ? null : new InlineKeyboardMarkup(buttons);
    }

    private static string Bold(string text) => "<b>" + TelegramHtml.Escape(text) + "</b>";

    private static string Link(string url, string text) => $"<a href=\"{TelegramHtml.EscapeAttribute(url)}\">{TelegramHtml.Escape(text)}</a>";
}
