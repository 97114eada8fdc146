using DigestBot.Chat;
using DigestBot.Platforms.Slack.Wire;
using Microsoft.Extensions.Options;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// Answers slash commands (<c>/tag</c>, <c>/tags</c>, <c>/search</c>, <c>/queue</c>, <c>/help</c>, <c>/subscribe</c>,
/// <c>/unsubscribe</c>, and <c>/digest …</c>)
/// ephemerally. An answer ready within <see cref="SlackOptions.CommandAnswerBudget"/> goes back at once; a slower
/// one is acknowledged empty and posted to <c>response_url</c> when it is ready, so Slack never waits past 3 s.
/// </summary>
internal sealed class SlackCommands(
    Conversation conversation,
    ChatLimits limits,
    SlackResponseUrl responseUrl,
    SlackBackgroundWork background,
    IOptions<SlackOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<SlackCommands> log)
{
    /// <returns>The answer to send now, or null when it will follow through <c>response_url</c>.</returns>
    public async Task<SlackCommandResponse?> AnswerAsync(SlashCommand command, CancellationToken ct)
    {
        var o = options.Value;
        // Answered ephemerally: only the sender reads the answer, as in a private chat.
        var message = new ChatMessage(ChatPlatform.Slack, command.ChannelId, command.UserId, command.AsChatText(), o.IsCurator(command.UserId))
        {
            Kind = ChatKind.Private,
        };
        Log.CommandReceived(log, command.Command, command.UserId, command.ChannelId);

        // On the thread pool, since SQLite's async calls run synchronously and would hold the deadline up;
        // and with the host's token, not the request's, since a slow answer outlives the request.
        var answer = Task.Run(() => ComputeAsync(message, lifetime.ApplicationStopping), CancellationToken.None);
        if (o.CommandAnswerBudget > TimeSpan.Zero)
        {
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var deadline = Task.Delay(o.CommandAnswerBudget, time, budget.Token);
            if (await Task.WhenAny(answer, deadline) == answer)
            {
                await budget.CancelAsync();
                return await answer;
            }
        }

        if (command.ResponseUrl is not { Length: > 0 } url || !Uri.TryCreate(url, UriKind.Absolute, out var target))
        {
            return new SlackCommandResponse(ChatText.Get(conversation.LanguageOf(message), ChatTextKey.Slow), null);
        }

        Log.CommandDeferred(log, command.Command, o.CommandAnswerBudget);
        await background.EnqueueAsync("slash command " + command.Command, async stopping => await responseUrl.PostAsync(target, await answer, stopping), ct);
        return null;
    }

    private async Task<SlackCommandResponse> ComputeAsync(ChatMessage message, CancellationToken ct)
    {
        try
        {
            // A slash command is always a command; only the limits leave it without an answer, and Slack wants one.
            var reply = (await conversation.HandleAsync(message, ct))?.Reply ?? ChatReply.Text(LimitTexts.SlowDown(limits.Window));
            var rendered = SlackReplyRenderer.Render(reply);
            return new SlackCommandResponse(rendered.Text, rendered.Blocks);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.CommandFailed(log, ex, ChatCommand.Parse(message.Text)?.Name ?? "?");
            return new SlackCommandResponse(ChatText.Get(conversation.LanguageOf(message), ChatTextKey.Failed), null);
        }
    }
}
