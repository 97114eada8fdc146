namespace DigestBot.Platforms.Slack;

/// <summary>How the Socket Mode connection guards against a network that hangs instead of failing.</summary>
internal sealed class SlackSocketModeOptions
{
    public const string Section = "Slack:SocketMode";

    /// <summary>How long opening the WebSocket may take before it is given up and tried again.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a ping is sent to Slack.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the answer to a ping may take before the connection counts as dead and is replaced.</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The largest message read; a larger one is skipped (and not acknowledged), the connection kept.</summary>
    public int MaxMessageBytes { get; set; } = 1024 * 1024;
}
