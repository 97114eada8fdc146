using System.Text.Json;
using DigestBot.Platforms.Slack.Wire;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// <c>POST /slack/events</c>: answers <c>url_verification</c>, and acknowledges every callback at once,
/// before any work, so Slack does not retry; repeats (<c>X-Slack-Retry-Num</c>) are dropped by event id.
/// </summary>
internal static class SlackEventsEndpoint
{
    public const string Path = "/slack/events";

    public static async Task<IResult> HandleAsync(HttpContext http, SlackEvents events)
    {
        SlackEventEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(SlackSignatureFilter.Body(http), SlackWebApiJsonContext.Default.SlackEventEnvelope);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        if (envelope is null)
        {
            return Results.BadRequest();
        }

        if (envelope.Type == "url_verification")
        {
            return Results.Text(envelope.Challenge ?? "", "text/plain");
        }

        await events.AcceptAsync(envelope, http.RequestAborted);
        return Results.Ok();
    }
}
