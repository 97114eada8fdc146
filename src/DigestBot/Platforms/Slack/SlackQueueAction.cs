using DigestBot.Chat;
using DigestBot.Platforms.Slack.Wire;
using Microsoft.Extensions.Options;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// A press of ▲ ▼ Next Withdraw under a curator's queue (<see cref="SlackQueueButtons"/>): the presser goes to
/// <see cref="QueueControls"/>. On an ephemeral <c>/queue</c> answer the queue as it is now, with the sentence about the
/// press above it, replaces the answer through the action's <c>response_url</c>; in the App Home the presser's Home is
/// published again with the sentence. Someone who may not see the queue gets the sentence alone.
/// </summary>
internal sealed class SlackQueueAction(
    QueueControls controls,
    SlackResponseUrl responseUrl,
    SlackAppHome home,
    IOptions<SlackOptions> options,
    IOptions<ChatOptions> chat,
    ILogger<SlackQueueAction> log)
    : ISlackAction
{
    public IReadOnlyList<string> ActionIds => SlackQueueButtons.ActionIds;

    public async Task HandleAsync(SlackInteraction interaction, SlackAction action, CancellationToken ct)
    {
        var user = interaction.User!.Id;
        var target = interaction.ResponseUrl is { Length: > 0 } url && Uri.TryCreate(url, UriKind.Absolute, out var parsed) ? parsed : null;
        QueuePressAnswer answer;
        if (SlackQueueButtons.Parse(action.ActionId, action.Value) is not { } press)
        {
            Log.QueueButtonRefused(log, action.ActionId, user);
            answer = new QueuePressAnswer(ChatText.Get(chat.Value.ParsedLanguage, ChatTextKey.ButtonExpired), null);
        }
        else
        {
            Log.QueueButtonPressed(log, press.Move, press.NoteId, user);
            // Answered ephemerally or in the presser's own Home: only they read it, as in a private chat.
            var asker = new ChatMessage(ChatPlatform.Slack, interaction.Channel?.Id ?? user, user, "", options.Value.IsCurator(user)) { Kind = ChatKind.Private };
            answer = await controls.PressAsync(asker, press, ct);
        }

        if (target is null)
        {
            await home.PublishAsync(user, answer.Sentence, ct);
        }
        else if (answer.Listing is { } listing)
        {
            var rendered = SlackReplyRenderer.Render(listing, answer.Sentence);
            await responseUrl.PostAsync(target, new SlackCommandResponse(rendered.Text, rendered.Blocks) { ReplaceOriginal = true }, ct);
        }
        else
        {
            await responseUrl.PostAsync(target, new SlackCommandResponse(answer.Sentence, null) { ReplaceOriginal = false }, ct);
        }
    }
}
