using DigestBot.Chat;
using DigestBot.Platforms.Slack.Wire;
using Microsoft.Extensions.Options;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// A Previous/Next press: the page command runs through the conversation as the presser's own command (a curator sees
/// queued notes, anyone else does not), and the answer replaces the message through the action's <c>response_url</c>.
/// </summary>
internal sealed class SlackPageAction(
    Conversation conversation,
    SlackResponseUrl responseUrl,
    IOptions<SlackOptions> options,
    IOptions<ChatOptions> chat,
    ILogger<SlackPageAction> log)
    : ISlackAction
{
    public IReadOnlyList<string> ActionIds { get; } = [SlackPageButton.ActionId];

    public async Task HandleAsync(SlackInteraction interaction, SlackAction action, CancellationToken ct)
    {
        if (interaction.ResponseUrl is not { Length: > 0 } url || !Uri.TryCreate(url, UriKind.Absolute, out var target))
        {
            Log.ActionWithoutResponseUrl(log, action.ActionId);
            return;
        }

        var user = interaction.User!.Id;
        if (SlackPageButton.Command(action.Value) is not { } command)
        {
            var stale = ChatText.Get(chat.Value.ParsedLanguage, ChatTextKey.ButtonExpired);
            await responseUrl.PostAsync(target, new SlackCommandResponse(stale, null), ct);
            return;
        }

        var asked = new ChatMessage(ChatPlatform.Slack, interaction.Channel?.Id ?? user, user, command, options.Value.IsCurator(user))
        {
            Kind = ChatKind.Private,
        };
        var reply = (await conversation.HandleAsync(asked, ct))!.Reply;
        var rendered = SlackReplyRenderer.Render(reply);
        await responseUrl.PostAsync(target, new SlackCommandResponse(rendered.Text, rendered.Blocks) { ReplaceOriginal = true }, ct);
        Log.PageShown(log, user, reply.Page);
    }
}
