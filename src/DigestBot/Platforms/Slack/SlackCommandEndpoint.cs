using DigestBot.Platforms.Slack.Wire;

namespace DigestBot.Platforms.Slack;

/// <summary><c>POST /slack/commands</c>: form-encoded slash commands, already verified by <see cref="SlackSignatureFilter"/>.</summary>
internal static class SlackCommandEndpoint
{
    public const string Path = "/slack/commands";

    public static async Task<IResult> HandleAsync(HttpContext http, SlackCommands commands)
    {
        var form = SlackSignatureFilter.Form(http);
        if (form.ContainsKey("ssl_check"))
        {
            // Slack checking the certificate of a command URL: nothing to answer.
            return Results.Ok();
        }

        var answer = await commands.AnswerAsync(SlashCommand.FromForm(form), http.RequestAborted);
        // An empty 200 tells Slack the command arrived; the answer follows through response_url.
        return answer is null ? Results.Ok() : Results.Json(answer, SlackWebApiJsonContext.Default.SlackCommandResponse);
    }
}
