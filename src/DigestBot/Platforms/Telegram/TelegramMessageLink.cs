using System.Globalization;

namespace DigestBot.Platforms.Telegram;

/// <summary>Links to a message in a channel: <c>https://t.me/&lt;username&gt;/&lt;id&gt;</c>, or <c>https://t.me/c/&lt;id without -100&gt;/&lt;id&gt;</c> when private.</summary>
internal static class TelegramMessageLink
{
    /// <param name="chat"><c>@username</c>, a username, or a numeric <c>-100…</c> id.</param>
    /// <returns>Null for chats without message links (private chats and basic groups).</returns>
    public static string? For(string chat, int messageId)
    {
        var id = messageId.ToString(CultureInfo.InvariantCulture);
        var trimmed = chat.Trim();
        if (trimmed.StartsWith("-100", StringComparison.Ordinal) && trimmed.Length > 4 && trimmed[4..].All(char.IsAsciiDigit))
        {
            return $"https://t.me/c/{trimmed[4..]}/{id}";
        }

        if (trimmed.StartsWith('-') || trimmed.All(char.IsAsciiDigit))
        {
            return null;
        }

        return $"https://t.me/{trimmed.TrimStart('@')}/{id}";
    }
}
