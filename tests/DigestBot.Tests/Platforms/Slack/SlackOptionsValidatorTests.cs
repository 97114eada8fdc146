using DigestBot.Platforms.Slack;

namespace DigestBot.Tests.Platforms.Slack;

public sealed class SlackOptionsValidatorTests
{
    [Fact]
    public void Good_settings_pass_and_Slack_off_is_never_checked()
    {
        var validator = new SlackOptionsValidator();

        Assert.True(validator.Validate(null, new SlackOptions { BotToken = "xoxb-1", AppToken = "xapp-1", Channel = "C0123" }).Succeeded);
        Assert.True(validator.Validate(null, new SlackOptions { Channel = "#general", MessageInterval = TimeSpan.FromSeconds(-1) }).Succeeded);
    }

    [Fact]
    public void Swapped_tokens_a_channel_name_and_a_slow_budget_are_each_named_without_repeating_a_token()
    {
        var result = new SlackOptionsValidator().Validate(null, new SlackOptions
        {
            BotToken = "xapp-1-secret-app-token",
            AppToken = "xoxb-2-secret-bot-token",
            Channel = "#papers",
            CommandAnswerBudget = TimeSpan.FromSeconds(3),
        });

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Equal(4, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Slack:BotToken holds an app-level token", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Slack:AppToken is not an app-level token", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Slack:Channel '#papers' is a channel name", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Slack:CommandAnswerBudget", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.Contains("secret", StringComparison.Ordinal));
    }
}
