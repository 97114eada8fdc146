using System.Globalization;
using System.Text;
using DigestBot.Formatting.Telegram;
using DigestBot.Notes;
using DigestBot.Storage;
using Telegram.Bot.Types;
using Telegram.Bot.Types.InlineQueryResults;

namespace DigestBot.Platforms.Telegram;

/// <summary>
/// Inline mode: <c>@DigestBot video-segmentation</c> or <c>@DigestBot 비디오</c> in any chat lists posted notes,
/// those with the tag first and then those the search finds, as articles that send the title, the paper link and
/// the link to our channel post. Nothing queued is ever listed: anyone can ask, in any chat.
/// </summary>
internal sealed class TelegramInlineQueries(TelegramApiClient api, NoteStore notes, ArchiveStore archive, TelegramChannel? channel = null)
{
    /// <summary>Results per answer; Telegram asks for the next ones with <c>next_offset</c> as the reader scrolls.</summary>
    public const int PageSize = 20;

    /// <summary>How far a reader can scroll: the search stops counting there as well.</summary>
    public const int MaxResults = 200;

    /// <summary>Telegram keeps an answer for this long per query text, so a reader typing does not ask the bot for each letter again.</summary>
    public const int CacheSeconds = 30;

    private const int MaxAuthorsShown = 3;

    public async Task AnswerAsync(InlineQuery query, CancellationToken ct)
    {
        var offset = int.TryParse(query.Offset, NumberStyles.None, CultureInfo.InvariantCulture, out var given) && given is > 0 and < MaxResults ? given : 0;
        var found = await FindAsync(query.Query.Trim(), offset + PageSize + 1, ct);
        var shown = found.Skip(offset).Take(PageSize).Select(Article).ToList();
        var next = found.Count > offset + PageSize && offset + PageSize < MaxResults ? (offset + PageSize).ToString(CultureInfo.InvariantCulture) : null;
        await api.AnswerInlineQueryAsync(query.Id, shown, CacheSeconds, next, ct);
    }

    /// <summary>The first <paramref name="take"/> posted notes for the words: the newest without words, else tag matches then search hits.</summary>
    private async Task<List<StoredNote>> FindAsync(string words, int take, CancellationToken ct)
    {
        if (words.Length == 0)
        {
            return [.. await archive.NewestAsync(0, take, ct)];
        }

        var found = new List<StoredNote>(await archive.ByTagAsync(Tag.Canonical(words), 0, take, ct));
        if (found.Count < take)
        {
            var hits = await notes.SearchPageAsync(words, includeQueued: false, 1, take, ct);
            var seen = found.Select(n => n.Id).ToHashSet();
            var more = hits.Notes.Where(n => n.IsPosted && !seen.Contains(n.Id)).Select(n => n.Id).ToList();
            found.AddRange(await archive.FindAllAsync(more, ct));
        }

        return found.Take(take).ToList();
    }

    private InlineQueryResultArticle Article(StoredNote stored)
    {
        var note = stored.Note;
        var paper = TelegramNoteRenderer.Preview(note);
        var post = ChannelPost(stored);
        var html = new StringBuilder("<b>").Append(TelegramHtml.Escape(note.Title)).Append("</b>");
        if (Byline(note) is { Length: > 0 } byline)
        {
            html.Append('\n').Append(TelegramHtml.Escape(byline));
        }

        if (paper is not null)
        {
            html.Append('\n').Append(Link(paper, paper));
        }

        if (post is not null)
        {
            html.Append('\n').Append(Link(post, "DigestBot post"));
        }

        return new InlineQueryResultArticle(stored.Id.ToString(CultureInfo.InvariantCulture), Formatting.TextCut.WithEllipsis(note.Title, 256), new InputTextMessageContent(html.ToString())
        {
            ParseMode = global::Telegram.Bot.Types.Enums.ParseMode.Html,
            LinkPreviewOptions = paper is null ? new LinkPreviewOptions { IsDisabled = true } : new LinkPreviewOptions { Url = paper },
        })
        {
            Description = Byline(note),
            Url = paper,
        };
    }

    /// <summary>Authors (the first three, then "et al.") and the date, as the description under the title.</summary>
    internal static string Byline(Note note)
    {
        var authors = note.Authors.Count > MaxAuthorsShown ? string.Join(", ", note.Authors.Take(MaxAuthorsShown)) + " et al." : string.Join(", ", note.Authors);
        var date = note.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return string.Join(" · ", new[] { authors, date }.Where(part => !string.IsNullOrEmpty(part)));
    }

    /// <summary>The configured channel's post, never a subscriber's copy.</summary>
    private string? ChannelPost(StoredNote stored) =>
        channel is null ? null : stored.Deliveries.FirstOrDefault(d => d.State == DeliveryState.Sent && d.Destination == channel.DestinationKey)?.Permalink;

    private static string Link(string url, string text) => $"<a href=\"{TelegramHtml.EscapeAttribute(url)}\">{TelegramHtml.Escape(text)}</a>";
}
