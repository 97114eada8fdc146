using DigestBot.Formatting.Slack;
using DigestBot.Platforms.Slack.WebApi;
using DigestBot.Publishing;
using Microsoft.Extensions.Options;

namespace DigestBot.Platforms.Slack;

/// <summary>The Slack channel to post to, when <see cref="SlackOptions.Channel"/> names one; Slack may be used for commands only.</summary>
internal sealed class SlackDestinations(IOptions<SlackOptions> options, ChatApi chat, ILogger<SlackDestination> log) : IDestinationSource
{
    private readonly IReadOnlyList<IDestination> destinations =
        string.IsNullOrWhiteSpace(options.Value.Channel)
            ? []
            : [new SlackDestination(options.Value.Channel.Trim(), chat, new SlackNoteRenderer(), log)];

    public Task<IReadOnlyList<IDestination>> GetAsync(CancellationToken ct) => Task.FromResult(destinations);
}
