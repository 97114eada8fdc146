using DigestBot.Chat;

namespace DigestBot.Tests.Chat;

public sealed class ChatPlatformNamesTests
{
    [Theory]
    [InlineData(ChatPlatform.Telegram, "telegram")]
    [InlineData(ChatPlatform.Slack, "slack")]
    [InlineData(ChatPlatform.Console, "console")]
    internal void Each_platform_keeps_the_name_existing_databases_hold(ChatPlatform platform, string stored)
    {
        Assert.Equal(stored, platform.Name());
        Assert.True(ChatPlatformNames.TryParse(stored, out var parsed));
        Assert.Equal(platform, parsed);
    }

    [Theory]
    [InlineData("Telegram")]
    [InlineData("web")]
    [InlineData("")]
    [InlineData(null)]
    public void A_name_no_platform_stores_is_not_a_platform(string? name) =>
        Assert.False(ChatPlatformNames.TryParse(name, out _));
}
