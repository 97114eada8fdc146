using System.Text.Json.Nodes;
using DigestBot.Tests.Formatting;

namespace DigestBot.Tests.Platforms.Slack;

// views.publish: the App Home, checked against Block Kit's limits for a view (100 blocks) as Slack checks it.
internal sealed partial class FakeSlackServer
{
    public const int MaxViewBlocks = 100;

    /// <summary>App Home views Slack accepted, in order, with the member each was published for.</summary>
    public IReadOnlyList<(string UserId, JsonObject View)> PublishedViews =>
        Calls.Where(c => c.Method == "views.publish" && c.Error is null && c.StatusCode == 200)
            .Select(c => ((string)c.Body["user_id"]!, c.Body["view"]!.AsObject()))
            .ToList();

    /// <summary>Every Block Kit problem of a view: its type, its block count, and each block as a message would be checked.</summary>
    public static IReadOnlyList<string> ViewProblems(JsonObject body)
    {
        var problems = new List<string>();
        if (body["user_id"] is null)
        {
            problems.Add("views.publish needs user_id");
        }

        if (body["view"] is not JsonObject view || (string?)view["type"] != "home" || view["blocks"] is not JsonArray blocks)
        {
            return [.. problems, "views.publish needs a view of type home with blocks"];
        }

        if (blocks.Count is 0 or > MaxViewBlocks)
        {
            problems.Add($"a view has {blocks.Count} blocks; 1–{MaxViewBlocks} allowed");
        }

        foreach (var chunk in blocks.Chunk(50))
        {
            var message = new JsonObject { ["text"] = "view", ["unfurl_links"] = false, ["blocks"] = new JsonArray([.. chunk.Select(b => b!.DeepClone())]) };
            problems.AddRange(SlackBlockKitChecker.Problems(message.ToJsonString()));
        }

        return problems;
    }

    private static JsonObject PublishView(JsonObject body, IReadOnlyList<string> problems) =>
        problems.Count > 0
            ? Error("invalid_blocks")
            : Ok(new JsonObject { ["view"] = new JsonObject { ["id"] = "V0HOME" + (string?)body["user_id"], ["type"] = "home" } });
}
