namespace DigestBot.Platforms.Slack.Wire;

/// <summary>An <c>app_mention</c>, <c>message</c>, <c>app_home_opened</c> or <c>link_shared</c> event, with the fields DigestBot reads.</summary>
internal sealed record SlackEvent
{
    public string Type { get; init; } = "";

    /// <summary>Set for edits, joins, bot messages and the like; DigestBot answers only plain messages.</summary>
    public string? Subtype { get; init; }

    public string? User { get; init; }

    public string? BotId { get; init; }

    /// <summary>Slack's own markup: <c>&lt;@U…&gt;</c> mentions, <c>&lt;url|label&gt;</c> links, <c>&amp;amp;</c> escapes.</summary>
    public string? Text { get; init; }

    public string? Channel { get; init; }

    /// <summary><c>im</c> for a direct message, <c>channel</c>, <c>group</c> or <c>mpim</c> otherwise.</summary>
    public string? ChannelType { get; init; }

    public string? Ts { get; init; }

    public string? ThreadTs { get; init; }

    /// <summary>For <c>app_home_opened</c>: <c>home</c> or <c>messages</c>.</summary>
    public string? Tab { get; init; }
}
