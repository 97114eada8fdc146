using System.Globalization;

namespace DigestBot.Platforms.Telegram;

/// <summary>The <c>callback_data</c> of an edit's Update or Cancel button: <c>e:u:&lt;pending edit id&gt;</c>, <c>e:c:&lt;id&gt;</c>.</summary>
internal sealed record TelegramEditButton(long PendingEditId, bool Update)
{
    public static string Data(long pendingEditId, bool update) =>
        string.Create(CultureInfo.InvariantCulture, $"e:{(update ? 'u' : 'c')}:{pendingEditId}");

    public static TelegramEditButton? Parse(string? data) =>
        data is { Length: > 4 } && data.StartsWith("e:", StringComparison.Ordinal) && data[2] is 'u' or 'c' && data[3] == ':'
        && long.TryParse(data.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? new TelegramEditButton(id, data[2] == 'u')
            : null;
}
