using System.Text.Json.Nodes;
using DigestBot.Tests.Formatting;
using Microsoft.AspNetCore.Http;

namespace DigestBot.Tests.Platforms.Slack;

// Reading requests, writing Slack's answer shapes, recording every call and waking the tests that wait on one.
internal sealed partial class FakeSlackServer
{
    private async Task AnswerAsync(HttpContext context, string method, string? token, JsonObject body, DateTimeOffset at, IReadOnlyList<string> problems, JsonObject answer)
    {
        var error = answer["ok"]!.GetValue<bool>() ? null : (string?)answer["error"];
        if (answer["ts"] is JsonNode ts && method == "chat.postMessage")
        {
            body["__ts"] = ts.DeepClone();
        }

        Record(method, token, body, context, at, 200, error, problems);
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(answer.ToJsonString());
    }

    private void Record(string method, string? token, JsonObject body, HttpContext context, DateTimeOffset at, int status, string? error, IReadOnlyList<string> problems)
    {
        // A parsed JsonObject builds its dictionary on first access, which is not safe from two threads at once: built
        // here, before tests and the fake's own handlers read recorded bodies side by side.
        _ = body.Count;
        lock (gate)
        {
            calls.Add(new FakeSlackCall(method, token, body, context.Request.ContentType, at, status, error, problems));
            Notify();
        }
    }

    // Called under the lock.
    private void Notify()
    {
        foreach (var waiter in waiters.Where(w => w.Done()).ToList())
        {
            waiter.Signal.TrySetResult();
            waiters.Remove(waiter);
        }
    }

    private string NextTs()
    {
        var n = Interlocked.Increment(ref nextTs);
        return $"{n / 1_000_000}.{n % 1_000_000:D6}";
    }

    /// <summary>Chat bodies are JSON (Slack wants a charset); read methods are form-encoded, as Slack documents them.</summary>
    private static async Task<JsonObject> ReadBodyAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            return JsonNode.Parse(text) as JsonObject ?? [];
        }

        var form = new JsonObject();
        foreach (var (key, value) in Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(text))
        {
            form[key] = value.ToString();
        }

        return form;
    }

    /// <summary>Block Kit limits, checked by the same independent checker the renderer's tests use.</summary>
    private static IReadOnlyList<string> BlockKitProblems(JsonObject body)
    {
        if (body["blocks"] is null)
        {
            return body["text"] is null ? ["neither text nor blocks"] : [];
        }

        var copy = body.DeepClone().AsObject();
        copy.Remove("__ts");
        // chat.update and response_url bodies cannot unfurl; the checker insists posts say so.
        copy["unfurl_links"] ??= false;
        return SlackBlockKitChecker.Problems(copy.ToJsonString());
    }

    private static JsonObject Ok(JsonObject result)
    {
        var answer = new JsonObject { ["ok"] = true };
        foreach (var (key, value) in result)
        {
            answer[key] = value?.DeepClone();
        }

        return answer;
    }

    private static JsonObject Error(string error) => new() { ["ok"] = false, ["error"] = error };

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
