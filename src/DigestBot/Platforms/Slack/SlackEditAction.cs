using DigestBot.Chat;
using DigestBot.Platforms.Slack.Wire;
using Microsoft.Extensions.Options;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// Update or Cancel under an edit, answered through the action's <c>response_url</c>: a curator's press replaces the
/// message with what was done; anyone else gets a message of their own saying it is not theirs to press.
/// </summary>
internal sealed class SlackEditAction(
    Conversation conversation,
    SlackResponseUrl responseUrl,
    IOptions<SlackOptions> options,
    IOptions<ChatOptions> chat,
    ILogger<SlackEditAction> log)
    : ISlackAction
{
    public IReadOnlyList<string> ActionIds { get; } = [SlackEditButtons.UpdateActionId, SlackEditButtons.CancelActionId];

    public async Task HandleAsync(SlackInteraction interaction, SlackAction action, CancellationToken ct)
    {
        if (interaction.ResponseUrl is not { Length: > 0 } url || !Uri.TryCreate(url, UriKind.Absolute, out var target))
        {
            Log.ActionWithoutResponseUrl(log, action.ActionId);
            return;
        }

        if (SlackEditButtons.PendingEditId(action.Value) is not { } id)
        {
            var stale = ChatText.Get(chat.Value.ParsedLanguage, ChatTextKey.ButtonExpired);
            await responseUrl.PostAsync(target, new SlackCommandResponse(stale, null) { ReplaceOriginal = false }, ct);
            return;
        }

        var user = interaction.User!.Id;
        var curator = options.Value.IsCurator(user);
        var pressed = new ChatMessage(ChatPlatform.Slack, interaction.Channel?.Id ?? user, user, "", curator) { Kind = ChatKind.Private };
        var reply = await conversation.DecideEditAsync(pressed, id, action.ActionId == SlackEditButtons.UpdateActionId, ct);
        var rendered = SlackReplyRenderer.Render(reply);
        await responseUrl.PostAsync(target, new SlackCommandResponse(rendered.Text, rendered.Blocks) { ReplaceOriginal = curator }, ct);
        Log.EditDecided(log, user, id, action.ActionId);
    }
}
