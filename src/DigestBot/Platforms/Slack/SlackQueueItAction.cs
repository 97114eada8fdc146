using DigestBot.Chat;
using DigestBot.Notes;
using DigestBot.Platforms.Slack.Wire;
using Microsoft.Extensions.Options;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// Queue it under an unfurl: the paper's link goes through the conversation as the presser's own message, so it is
/// queued exactly as a curator's link is, refused for anyone else, and answered "already …" for a paper we have. Anyone in
/// the channel sees the button, so the presser is what counts, not who shared the link. The answer goes to the presser
/// alone: through the action's <c>response_url</c> as an ephemeral message, else into their Messages tab.
/// </summary>
internal sealed class SlackQueueItAction(
    Conversation conversation,
    SlackResponseUrl responseUrl,
    SlackChatSender sender,
    IOptions<SlackOptions> options,
    IOptions<ChatOptions> chat,
    ILogger<SlackQueueItAction> log)
    : ISlackAction
{
    public IReadOnlyList<string> ActionIds { get; } = [SlackUnfurlView.QueueAction];

    public async Task HandleAsync(SlackInteraction interaction, SlackAction action, CancellationToken ct)
    {
        var user = interaction.User!.Id;
        // The conversation sets the language of its own turn; this sets it for the answer made here.
        ChatText.Language = chat.Value.ParsedLanguage;
        ChatReply reply;
        if (SlackUnfurlView.ArxivIdOf(action.Value) is not { } arxivId)
        {
            reply = ChatReply.Text(ChatText.Get(ChatTextKey.ButtonExpired));
        }
        else
        {
            Log.QueueItPressed(log, user, arxivId);
            var link = ArxivId.AbsUrl(arxivId);
            var asked = new ChatMessage(ChatPlatform.Slack, interaction.Channel?.Id ?? user, user, link, options.Value.IsCurator(user))
            {
                Kind = ChatKind.Private,
                Links = [link],
            };
            var answer = await conversation.HandleAsync(asked, ct);
            if (answer is null)
            {
                return;
            }

            reply = answer.Reply;
        }

        if (interaction.ResponseUrl is { Length: > 0 } url && Uri.TryCreate(url, UriKind.Absolute, out var target))
        {
            var rendered = SlackReplyRenderer.Render(reply);
            await responseUrl.PostAsync(target, new SlackCommandResponse(rendered.Text, rendered.Blocks) { ReplaceOriginal = false }, ct);
        }
        else
        {
            await sender.SendAsync(user, null, reply, ct);
        }
    }
}
