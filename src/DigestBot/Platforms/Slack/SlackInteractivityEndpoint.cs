using System.Text.Json;
using DigestBot.Platforms.Slack.Wire;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// <c>POST /slack/interactivity</c>: button presses, form-encoded with the JSON in the <c>payload</c> field, already
/// verified by <see cref="SlackSignatureFilter"/>. Answered at once; the work follows in the background.
/// </summary>
internal static class SlackInteractivityEndpoint
{
    public const string Path = "/slack/interactivity";

    public static async Task<IResult> HandleAsync(HttpContext http, SlackInteractions interactions)
    {
        if (SlackSignatureFilter.Form(http).GetValueOrDefault("payload") is not { Length: > 0 } json)
        {
            return Results.BadRequest();
        }

        SlackInteraction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize(json, SlackWebApiJsonContext.Default.SlackInteraction);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        if (interaction is null)
        {
            return Results.BadRequest();
        }

        await interactions.AcceptAsync(interaction, http.RequestAborted);
        return Results.Ok();
    }
}
