using System.Globalization;
using DigestBot.Chat;
using DigestBot.Storage;
using Telegram.Bot.Types.ReplyMarkups;

namespace DigestBot.Platforms.Telegram;

/// <summary>
/// The ▲ ▼ Next Withdraw buttons of a curator's <c>/queue</c>, one row per note shown. Their <c>callback_data</c> is
/// <c>q:&lt;u|d|n|w&gt;:&lt;note id&gt;:&lt;listing version&gt;</c>, at most 32 bytes of Telegram's 64.
/// </summary>
internal static class TelegramQueueButton
{
    /// <summary>Rows of four buttons: 96 of the 100 buttons Telegram takes in one keyboard.</summary>
    public const int MaxNotes = 24;

    private const string Prefix = "q:";

    public static string Data(QueueMove move, long noteId, string version) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Letter(move)}:{noteId}:{version}");

    /// <summary>The press a button's data asks for; null for anything that is not a queue button's data.</summary>
    public static QueuePress? Parse(string? data)
    {
        var parts = data?.Split(':');
        if (parts is not ["q", [var letter], var id, var version]
            || Move(letter) is not { } move
            || !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var noteId)
            || !QueueListingVersion.IsWellFormed(version))
        {
            return null;
        }

        return new QueuePress(move, noteId, version);
    }

    /// <summary>Whether the data is meant for a queue button, well formed or not.</summary>
    public static bool IsQueueButton(string? data) => data?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    public static IEnumerable<InlineKeyboardButton[]> Rows(IEnumerable<NoteListing> shown, string version, ChatLanguage language) =>
        shown.Select(note => new[]
        {
            Button(ChatTextKey.QueueUpButton, QueueMove.Up, note, version, language),
            Button(ChatTextKey.QueueDownButton, QueueMove.Down, note, version, language),
            Button(ChatTextKey.QueueNextButton, QueueMove.Next, note, version, language),
            Button(ChatTextKey.QueueWithdrawButton, QueueMove.Withdraw, note, version, language),
        });

    private static InlineKeyboardButton Button(string key, QueueMove move, NoteListing note, string version, ChatLanguage language) =>
        InlineKeyboardButton.WithCallbackData(ChatText.Format(language, key, note.Number), Data(move, note.Id, version));

    private static char Letter(QueueMove move) => move switch
    {
        QueueMove.Up => 'u',
        QueueMove.Down => 'd',
        QueueMove.Next => 'n',
        _ => 'w',
    };

    private static QueueMove? Move(char letter) => letter switch
    {
        'u' => QueueMove.Up,
        'd' => QueueMove.Down,
        'n' => QueueMove.Next,
        'w' => QueueMove.Withdraw,
        _ => null,
    };
}
