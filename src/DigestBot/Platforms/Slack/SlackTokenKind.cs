namespace DigestBot.Platforms.Slack;

/// <summary>Which of the two Slack tokens a Web API method needs.</summary>
internal enum SlackTokenKind
{
    /// <summary><c>Slack:BotToken</c> (<c>xoxb-</c>): posting and most methods.</summary>
    Bot,

    /// <summary><c>Slack:AppToken</c> (<c>xapp-</c>): only <c>apps.connections.open</c>.</summary>
    App,
}
