namespace DigestBot.Platforms.Slack.Wire;

/// <summary>Tells Slack an envelope arrived; for a slash command it may carry the answer.</summary>
internal sealed record SocketModeAck(string EnvelopeId, SlackCommandResponse? Payload = null);
