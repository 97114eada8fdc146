using System.Net.Http.Json;
using DigestBot.Platforms.Slack.Wire;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// Posts a late answer to a slash command's <c>response_url</c> (up to 5 times within 30 minutes).
/// The URL came in a signed request, so it is Slack's; it needs no token.
/// </summary>
internal sealed class SlackResponseUrl(HttpClient http, ILogger<SlackResponseUrl> log)
{
    public async Task PostAsync(Uri responseUrl, SlackCommandResponse answer, CancellationToken ct)
    {
        using var content = JsonContent.Create(answer, SlackWebApiJsonContext.Default.SlackCommandResponse);
        using var response = await http.PostAsync(responseUrl, content, ct);
        if (!response.IsSuccessStatusCode)
        {
            Log.ResponseUrlFailed(log, (int)response.StatusCode);
        }
    }
}
