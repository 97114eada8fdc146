using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using Telegram.Bot.Types;

namespace DigestBot.Platforms.Telegram;

/// <summary>The chat posts go to, from <c>Telegram:Channel</c>: a public <c>@username</c> or a numeric <c>-100…</c> id.</summary>
internal sealed partial record TelegramChannel(string Text, ChatId ChatId, string? Username, long? Id)
{
    /// <summary>Stored in delivery records; stays the same across restarts as long as the setting does.</summary>
    public string DestinationKey => "telegram:" + Text;

    /// <summary>Channels and groups have a per-minute limit as well as the per-chat one.</summary>
    public bool IsGroupOrChannel => Id is null or < 0;

    /// <summary>A chat known by its numeric id (a subscribed private chat, group or channel).</summary>
    public static TelegramChannel ForChat(long id) => new(id.ToString(CultureInfo.InvariantCulture), new ChatId(id), null, id);

    public static bool TryParse(string? text, [NotNullWhen(true)] out TelegramChannel? channel, out string problem)
    {
        channel = null;
        problem = "";
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            problem = "Telegram:Channel is not set. Set it to the channel to post to, as @channel_name or its numeric id -100…; the bot must be an admin there with \"Post messages\".";
            return false;
        }

        if (UsernameShape().IsMatch(value))
        {
            channel = new TelegramChannel(value, new ChatId(value), value[1..], null);
            return true;
        }

        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) && id < 0)
        {
            channel = new TelegramChannel(value, new ChatId(id), null, id);
            return true;
        }

        problem = $"Telegram:Channel '{value}' is neither @channel_name nor a negative chat id such as -1001234567890.";
        return false;
    }

    /// <summary>
    /// A link to a posted message: <c>https://t.me/name/id</c> when the chat has a public username,
    /// else <c>https://t.me/c/&lt;id without -100&gt;/id</c> for members of a private channel.
    /// </summary>
    public string? Permalink(string messageId, string? usernameSeen)
    {
        if ((usernameSeen ?? Username) is { Length: > 0 } username)
        {
            return $"https://t.me/{username}/{messageId}";
        }

        var digits = Id?.ToString(CultureInfo.InvariantCulture);
        return digits is not null && digits.StartsWith("-100", StringComparison.Ordinal) ? $"https://t.me/c/{digits[4..]}/{messageId}" : null;
    }

    [GeneratedRegex("^@[A-Za-z][A-Za-z0-9_]{1,31}$")]
    private static partial Regex UsernameShape();
}
