namespace DigestBot.Platforms.Slack.Wire;

/// <summary>A slash command invocation, from the HTTP form or a Socket Mode payload (same field names).</summary>
internal sealed record SlashCommand
{
    /// <summary>With its slash: <c>/tag</c>, or <c>/digest</c> where <c>/tag</c> is taken.</summary>
    public string Command { get; init; } = "";

    public string Text { get; init; } = "";

    public string UserId { get; init; } = "";

    public string ChannelId { get; init; } = "";

    public string? TeamId { get; init; }

    public string? ResponseUrl { get; init; }

    public static SlashCommand FromForm(IReadOnlyDictionary<string, string> form) => new()
    {
        Command = form.GetValueOrDefault("command", ""),
        Text = form.GetValueOrDefault("text", ""),
        UserId = form.GetValueOrDefault("user_id", ""),
        ChannelId = form.GetValueOrDefault("channel_id", ""),
        TeamId = form.GetValueOrDefault("team_id"),
        ResponseUrl = form.GetValueOrDefault("response_url"),
    };

    /// <summary><c>/digest tag x</c> is <c>/tag x</c>; a bare <c>/digest</c> is <c>/help</c>.</summary>
    public string AsChatText()
    {
        var name = Command.TrimStart('/').Trim().ToLowerInvariant();
        var text = Text.Trim();
        if (name == "digest")
        {
            return text.Length == 0 ? "/help" : "/" + text.TrimStart('/');
        }

        return text.Length == 0 ? "/" + name : $"/{name} {text}";
    }
}
