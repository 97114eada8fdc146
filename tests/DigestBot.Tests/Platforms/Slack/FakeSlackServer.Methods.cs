using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace DigestBot.Tests.Platforms.Slack;

// The Web API methods DigestBot calls, each answering as Slack does, and the response_url hooks.
internal sealed partial class FakeSlackServer
{
    private async Task HandleApiAsync(HttpContext context, string method)
    {
        var at = time.GetUtcNow();
        var body = await ReadBodyAsync(context.Request);
        var token = context.Request.Headers.Authorization.ToString() is var header && header.StartsWith("Bearer ", StringComparison.Ordinal)
            ? header["Bearer ".Length..]
            : null;
        IReadOnlyList<string> problems = method switch
        {
            "chat.postMessage" or "chat.update" => BlockKitProblems(body),
            "views.publish" => ViewProblems(body),
            "chat.unfurl" => UnfurlProblems(body),
            _ => [],
        };

        (string, FakeSlackFailure, int)? failure = null;
        lock (gate)
        {
            if (failures.TryPeek(out var next) && next.Method == method)
            {
                failure = failures.Dequeue();
            }
        }

        if (failure is { } f)
        {
            switch (f.Item2)
            {
                case FakeSlackFailure.TooManyRequests:
                    Record(method, token, body, context, at, 429, "ratelimited", problems);
                    context.Response.StatusCode = 429;
                    context.Response.Headers.RetryAfter = f.Item3.ToString(CultureInfo.InvariantCulture);
                    await context.Response.WriteAsync("""{"ok":false,"error":"ratelimited"}""");
                    return;
                case FakeSlackFailure.Unavailable:
                    Record(method, token, body, context, at, 503, null, problems);
                    context.Response.StatusCode = 503;
                    context.Response.ContentType = "text/html";
                    await context.Response.WriteAsync("<html><body><h1>503 Service Unavailable</h1></body></html>");
                    return;
                case FakeSlackFailure.MissingScope:
                    await AnswerAsync(context, method, token, body, at, problems, Error("missing_scope"));
                    return;
                case FakeSlackFailure.InvalidBlocks:
                    await AnswerAsync(context, method, token, body, at, problems, Error("invalid_blocks"));
                    return;
                case FakeSlackFailure.EditWindowClosed:
                    await AnswerAsync(context, method, token, body, at, problems, Error("edit_window_closed"));
                    return;
                default:
                    await AnswerAsync(context, method, token, body, at, problems, Error("internal_error"));
                    return;
            }
        }

        var expected = method == "apps.connections.open" ? AppToken : BotToken;
        JsonObject answer;
        if (token is null)
        {
            answer = Error("not_authed");
        }
        else if (token != expected)
        {
            answer = Error(method == "apps.connections.open" && token == BotToken ? "not_allowed_token_type" : "invalid_auth");
        }
        else
        {
            answer = method switch
            {
                "auth.test" => Ok(new JsonObject
                {
                    ["url"] = "https://digest-fake.slack.com/",
                    ["team"] = "Digest Readers",
                    ["user"] = "digestbot",
                    ["team_id"] = "T0DIGEST",
                    ["user_id"] = BotUserId,
                    ["bot_id"] = "B0DIGEST",
                }),
                "chat.postMessage" => PostMessage(body, problems),
                "chat.update" => Update(body, problems),
                "chat.delete" => Delete(body),
                "chat.getPermalink" => Permalink(body),
                "conversations.info" => ConversationInfo(body),
                "apps.connections.open" => OpenConnection(),
                "views.publish" => PublishView(body, problems),
                "chat.unfurl" => Unfurl(body, problems),
                _ => Error("unknown_method"),
            };
        }

        await AnswerAsync(context, method, token, body, at, problems, answer);
    }

    private JsonObject PostMessage(JsonObject body, IReadOnlyList<string> problems)
    {
        var channel = (string?)body["channel"];
        if (channel is not null && channelsWithoutBot.Contains(channel))
        {
            return Error("not_in_channel");
        }

        // Direct-message channels (D…) exist for whoever wrote to the app; a member id (U…) posts into the app's DM with them.
        if (channel is null || !(channels.Contains(channel) || channel.StartsWith('D') || channel.StartsWith('U')))
        {
            return Error("channel_not_found");
        }

        if (problems.Count > 0)
        {
            return Error("invalid_blocks");
        }

        var ts = NextTs();
        return Ok(new JsonObject { ["channel"] = channel, ["ts"] = ts, ["message"] = new JsonObject { ["text"] = body["text"]?.DeepClone(), ["ts"] = ts } });
    }

    private JsonObject Update(JsonObject body, IReadOnlyList<string> problems)
    {
        var channel = (string?)body["channel"];
        var ts = (string?)body["ts"];
        if (channel is null || !channels.Contains(channel))
        {
            return Error("channel_not_found");
        }

        if (ts is null || !Calls.Any(c => c.Method == "chat.postMessage" && c.Error is null && c.Body["__ts"]?.GetValue<string>() == ts))
        {
            return Error("message_not_found");
        }

        return problems.Count > 0 ? Error("invalid_blocks") : Ok(new JsonObject { ["channel"] = channel, ["ts"] = ts });
    }

    private JsonObject Delete(JsonObject body)
    {
        var channel = (string?)body["channel"];
        var ts = (string?)body["ts"];
        if (channel is null || !channels.Contains(channel))
        {
            return Error("channel_not_found");
        }

        if (ts is null || !Calls.Any(c => c.Method == "chat.postMessage" && c.Error is null && c.Body["__ts"]?.GetValue<string>() == ts)
            || Calls.Any(c => c.Method == "chat.delete" && c.Error is null && (string?)c.Body["ts"] == ts))
        {
            return Error("message_not_found");
        }

        if (undeletable.Contains(ts))
        {
            return Error("cant_delete_message");
        }

        return Ok(new JsonObject { ["channel"] = channel, ["ts"] = ts });
    }

    /// <summary>The message's text as readers see it now: its last successful update, or what was posted; null once deleted.</summary>
    public string? CurrentText(string ts)
    {
        var calls = Calls.Where(c => c.Error is null && c.StatusCode == 200).ToList();
        if (calls.Any(c => c.Method == "chat.delete" && (string?)c.Body["ts"] == ts))
        {
            return null;
        }

        var latest = calls.LastOrDefault(c => (c.Method == "chat.update" && (string?)c.Body["ts"] == ts)
            || (c.Method == "chat.postMessage" && c.Body["__ts"]?.GetValue<string>() == ts));
        return latest is null ? null : latest.Body["blocks"]?.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n" + (string?)latest.Body["text"];
    }

    /// <summary>The configured channel and <see cref="AddChannel"/>'s have the bot; <see cref="RemoveBotFrom"/>'s no longer.</summary>
    private JsonObject ConversationInfo(JsonObject body)
    {
        var channel = (string?)body["channel"] ?? "";
        lock (gate)
        {
            return channels.Contains(channel) || channelsWithoutBot.Contains(channel) || channel.StartsWith('C')
                ? Ok(new JsonObject { ["channel"] = new JsonObject { ["id"] = channel, ["is_channel"] = true, ["is_member"] = channels.Contains(channel) } })
                : Error("channel_not_found");
        }
    }

    private JsonObject Permalink(JsonObject body)
    {
        var channel = (string?)body["channel"];
        var ts = (string?)body["message_ts"];
        if (channel is null || !channels.Contains(channel))
        {
            return Error("channel_not_found");
        }

        if (ts is null || !Calls.Any(c => c.Body["__ts"]?.GetValue<string>() == ts))
        {
            return Error("message_not_found");
        }

        return Ok(new JsonObject { ["channel"] = channel, ["permalink"] = $"https://digest-fake.slack.com/archives/{channel}/p{ts.Replace(".", "", StringComparison.Ordinal)}" });
    }

    private JsonObject OpenConnection()
    {
        var n = Interlocked.Increment(ref connectionsOpened);
        var ws = BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal);
        return Ok(new JsonObject { ["url"] = $"{ws}/socket/{n}?ticket=fake-{n}" });
    }

    private async Task HandleResponseUrlAsync(HttpContext context, string id)
    {
        var body = await ReadBodyAsync(context.Request);
        var problems = BlockKitProblems(body);
        lock (gate)
        {
            responseUrlPosts.Add((new Uri(BaseUrl + context.Request.Path), body));
            Notify();
        }

        context.Response.StatusCode = problems.Count == 0 ? 200 : 400;
        await context.Response.WriteAsync(problems.Count == 0 ? "ok" : "invalid_blocks");
    }
}
