using DigestBot.Notes;
using Telegram.Bot.Types.ReplyMarkups;

namespace DigestBot.Platforms.Telegram;

/// <summary>
/// Share under a channel post: opens inline mode in a chat the reader picks, with a query that finds exactly that note —
/// what the note is stored by (<see cref="NoteKey"/>): its arXiv id, else its paper link, else its title.
/// <see cref="TelegramInlineQueries"/> answers such a query with that note first.
/// </summary>
internal static class TelegramShareButton
{
    /// <summary>Telegram's limit on an inline query's text.</summary>
    public const int MaxQueryLength = 256;

    /// <summary>Null when the note's key is longer than an inline query may be; such a post goes without the button.</summary>
    public static string? Query(Note note)
    {
        var query = !string.IsNullOrWhiteSpace(note.ArxivId) ? note.ArxivId.Trim()
            : note.Links.FirstOrDefault(l => !string.IsNullOrWhiteSpace(l))?.Trim() ?? note.Title.Trim();
        return query.Length is > 0 and <= MaxQueryLength ? query : null;
    }

    public static InlineKeyboardMarkup? For(Note note, string label) =>
        Query(note) is { } query ? new InlineKeyboardMarkup(InlineKeyboardButton.WithSwitchInlineQuery(label, query)) : null;
}
