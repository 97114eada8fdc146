using System.Text.Json.Nodes;
using DigestBot.Tests.Formatting;

namespace DigestBot.Tests.Platforms.Slack;

// chat.unfurl: the message named by channel and ts (or a composer's unfurl_id and source), and each link's blocks
// checked as Slack checks a message's.
internal sealed partial class FakeSlackServer
{
    /// <summary>Unfurls Slack accepted, in order: each link as it was keyed, with its blocks.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, JsonArray>> Unfurls =>
        Calls.Where(c => c.Method == "chat.unfurl" && c.Error is null && c.StatusCode == 200)
            .Select(c => (IReadOnlyDictionary<string, JsonArray>)c.Body["unfurls"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!["blocks"]!.AsArray(), StringComparer.Ordinal))
            .ToList();

    /// <summary>Every problem of a <c>chat.unfurl</c> body: what it unfurls in, the shape of <c>unfurls</c>, and each link's blocks.</summary>
    public static IReadOnlyList<string> UnfurlProblems(JsonObject body)
    {
        var problems = new List<string>();
        var byMessage = body["channel"] is JsonValue && body["ts"] is JsonValue;
        var byComposer = body["unfurl_id"] is JsonValue && body["source"] is JsonValue;
        if (byMessage == byComposer)
        {
            problems.Add("chat.unfurl needs channel and ts, or unfurl_id and source, not both");
        }

        if (body["unfurls"] is not JsonObject unfurls || unfurls.Count == 0)
        {
            return [.. problems, "chat.unfurl needs unfurls: an object keyed by URL"];
        }

        foreach (var (url, unfurl) in unfurls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out _))
            {
                problems.Add($"unfurls key '{url}' is not a URL");
            }

            if (unfurl is not JsonObject one || one["blocks"] is not JsonArray blocks || blocks.Count == 0)
            {
                problems.Add($"the unfurl of {url} needs blocks");
                continue;
            }

            var message = new JsonObject { ["text"] = "unfurl", ["unfurl_links"] = false, ["blocks"] = blocks.DeepClone() };
            problems.AddRange(SlackBlockKitChecker.Problems(message.ToJsonString()).Select(p => url + ": " + p));
        }

        return problems;
    }

    private JsonObject Unfurl(JsonObject body, IReadOnlyList<string> problems)
    {
        if (problems.Count > 0)
        {
            return Error("invalid_unfurls");
        }

        var channel = (string?)body["channel"];
        return channel is null || channels.Contains(channel) ? Ok([]) : Error("channel_not_found");
    }
}
