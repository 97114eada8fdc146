namespace DigestBot.Chat;

/// <summary>
/// Who may send which command, where the platform has rules (<see cref="IChatRoles"/>): lookups and subscribing only
/// for readers, and a group's or channel's subscription changed only by its administrators. Curators always may.
/// Asked after the limits, so that nobody can make the bot ask the platform faster than they may send commands.
/// </summary>
internal sealed class ChatPermissions(IEnumerable<IChatRoles> roles)
{
    /// <returns>The refusal, or null when the sender may go on.</returns>
    public async Task<ChatReply?> RefusalAsync(ChatMessage message, ChatCommand command, CancellationToken ct)
    {
        if (message.FromCurator || roles.FirstOrDefault(r => r.Platform == message.Platform) is not { } platform)
        {
            return null;
        }

        // Leaving is never kept from anyone who may otherwise stop their own chat's posts.
        if (command.Name is "tag" or "tags" or "search" or "subscribe")
        {
            switch (await platform.IsReaderAsync(message.UserId, ct))
            {
                case ChatRoleVerdict.No:
                    return ChatReply.Text(LimitTexts.ChannelMembersOnly);
                case ChatRoleVerdict.Unknown:
                    return ChatReply.Text(LimitTexts.RolesUnavailable);
            }
        }

        if (ChatSubscriptions.Handles(command) && message.Kind != ChatKind.Private)
        {
            return await platform.IsAdministratorAsync(message.ChatId, message.UserId, ct) switch
            {
                ChatRoleVerdict.Yes => null,
                ChatRoleVerdict.No => ChatReply.Text(LimitTexts.GroupAdminsOnly(command.Name)),
                _ => ChatReply.Text(LimitTexts.RolesUnavailable),
            };
        }

        return null;
    }
}
