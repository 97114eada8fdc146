using System.Globalization;
using DigestBot.Chat;
using DigestBot.Formatting.Slack.Blocks;

namespace DigestBot.Platforms.Slack;

/// <summary>Update and Cancel under an edit a curator sent (<see cref="ChatReply.PendingEditId"/>); the value is the pending edit's id.</summary>
internal static class SlackEditButtons
{
    public const string UpdateActionId = "edit_update";

    public const string CancelActionId = "edit_cancel";

    public static ActionsBlock? For(ChatReply reply) =>
        reply.PendingEditId is not { } id
            ? null
            : new ActionsBlock([
                ButtonElement.Action(ChatText.Get(reply.Language, ChatTextKey.EditUpdateButton), UpdateActionId, Value(id), "primary"),
                ButtonElement.Action(ChatText.Get(reply.Language, ChatTextKey.EditCancelButton), CancelActionId, Value(id)),
            ]);

    /// <summary>The pending edit a pressed button names; null when its value is not one.</summary>
    public static long? PendingEditId(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static string Value(long id) => id.ToString(CultureInfo.InvariantCulture);
}
