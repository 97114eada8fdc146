using DigestBot.Platforms.Slack;
using DigestBot.Platforms.Telegram;

namespace DigestBot.Hosting;

/// <summary>Which platforms run: each one whose token is configured, and the console when none is.</summary>
internal sealed record PlatformSelection(bool Telegram, bool Slack)
{
    public bool Console => !Telegram && !Slack;

    public static PlatformSelection FromConfiguration(IConfiguration configuration) =>
        new(
            !string.IsNullOrWhiteSpace(configuration[$"{TelegramOptions.Section}:{nameof(TelegramOptions.BotToken)}"]),
            !string.IsNullOrWhiteSpace(configuration[$"{SlackOptions.Section}:{nameof(SlackOptions.BotToken)}"]));
}
