using DigestBot.Chat;

namespace DigestBot.Tests.Chat;

public sealed class ChatReplyLayoutTests
{
    private const string TelegramSubscriberCopy = "https://t.me/c/5555/3";
    private const string TelegramChannelPost = "https://t.me/digest/5";
    private const string SlackSubscriberCopy = "https://digest.slack.com/archives/C9/p1722300000000900";
    private const string SlackChannelPost = "https://digest.slack.com/archives/C1/p1722300000000100";

    private static NoteListing Posted(params (string Key, string Link)[] posts) =>
        new(1, "T", null, DateTimeOffset.Parse("2024-07-30T09:00:00Z"), posts.Length == 0 ? null : posts[0].Link, null, false, null)
        {
            PostLinks = posts.ToDictionary(p => p.Key, p => p.Link),
        };

    [Fact]
    public void Each_platform_links_its_own_channel_post_and_never_a_subscribers_copy()
    {
        var note = Posted(
            ("telegram:chat:-1005555", TelegramSubscriberCopy),
            ("slack:chat:C9", SlackSubscriberCopy),
            ("telegram:@digest", TelegramChannelPost),
            ("slack:C1", SlackChannelPost));

        Assert.Equal(TelegramChannelPost, ChatReplyLayout.PostLinkFor(ChatPlatform.Telegram, note));
        Assert.Equal(SlackChannelPost, ChatReplyLayout.PostLinkFor(ChatPlatform.Slack, note));
        Assert.Equal(TelegramSubscriberCopy, ChatReplyLayout.PostLinkFor(ChatPlatform.Console, note));
    }

    [Fact]
    public void Slack_without_a_post_of_its_own_links_the_Telegram_channel_post_and_Telegram_never_links_Slack()
    {
        var telegramOnly = Posted(("telegram:chat:-1005555", TelegramSubscriberCopy), ("telegram:@digest", TelegramChannelPost));
        var slackOnly = Posted(("slack:C1", SlackChannelPost));

        Assert.Equal(TelegramChannelPost, ChatReplyLayout.PostLinkFor(ChatPlatform.Slack, telegramOnly));
        Assert.Null(ChatReplyLayout.PostLinkFor(ChatPlatform.Telegram, slackOnly));
    }

    [Fact]
    public void Only_subscribers_copies_give_no_link_on_the_chat_platforms()
    {
        var note = Posted(("telegram:chat:-1005555", TelegramSubscriberCopy), ("slack:chat:C9", SlackSubscriberCopy));

        Assert.Null(ChatReplyLayout.PostLinkFor(ChatPlatform.Telegram, note));
        Assert.Null(ChatReplyLayout.PostLinkFor(ChatPlatform.Slack, note));
    }
}
