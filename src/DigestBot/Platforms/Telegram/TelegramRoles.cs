using System.Globalization;
using DigestBot.Chat;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types.Enums;

namespace DigestBot.Platforms.Telegram;

/// <summary>
/// Telegram's answer to who someone is, from <c>getChatMember</c> (remembered briefly by <see cref="TelegramChatMembers"/>):
/// a chat's creator and administrators run it, and with <c>Telegram:Readers</c> = <c>ChannelMembers</c> only the
/// members of <c>Telegram:Channel</c> are readers. When Telegram cannot say, the verdict is unknown and nothing is granted.
/// </summary>
internal sealed class TelegramRoles(TelegramChatMembers members, IOptions<TelegramOptions> options, ILogger<TelegramRoles> log) : IChatRoles
{
    public ChatPlatform Platform => ChatPlatform.Telegram;

    public async Task<ChatRoleVerdict> IsAdministratorAsync(string chatId, string userId, CancellationToken ct)
    {
        // A channel's posts and an anonymous administrator's messages come from the chat itself, and only its
        // administrators can speak as it.
        if (userId == chatId)
        {
            return ChatRoleVerdict.Yes;
        }

        return await VerdictAsync(chatId, userId, s => s is ChatMemberStatus.Creator or ChatMemberStatus.Administrator, ct);
    }

    public async Task<ChatRoleVerdict> IsReaderAsync(string userId, CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.OnlyChannelMembers)
        {
            return ChatRoleVerdict.Yes;
        }

        return await VerdictAsync(
            settings.Channel!.Trim(),
            userId,
            s => s is ChatMemberStatus.Creator or ChatMemberStatus.Administrator or ChatMemberStatus.Member or ChatMemberStatus.Restricted,
            ct);
    }

    private async Task<ChatRoleVerdict> VerdictAsync(string chat, string userId, Func<ChatMemberStatus, bool> allowed, CancellationToken ct)
    {
        // Only people have a status in a chat; another chat speaking (a linked channel, an anonymous sender) has none.
        if (!long.TryParse(userId, NumberStyles.None, CultureInfo.InvariantCulture, out var user) || user <= 0)
        {
            return ChatRoleVerdict.No;
        }

        try
        {
            return await members.StatusAsync(chat, user, ct) is { } status && allowed(status) ? ChatRoleVerdict.Yes : ChatRoleVerdict.No;
        }
        catch (TelegramApiException ex)
        {
            Log.MemberUnknown(log, chat, user, ex.PlatformWords);
            return ChatRoleVerdict.Unknown;
        }
    }
}
