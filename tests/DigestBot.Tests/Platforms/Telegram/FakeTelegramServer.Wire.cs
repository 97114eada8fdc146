using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace DigestBot.Tests.Platforms.Telegram;

/// <summary>How the fake reads a call's parameters (query, form or JSON body) and writes Telegram's answer shapes.</summary>
internal sealed partial class FakeTelegramServer
{
    private static async Task<JsonObject> ReadParametersAsync(HttpRequest request)
    {
        var parameters = new JsonObject();
        foreach (var (key, value) in request.Query)
        {
            parameters[key] = Parse(key, value.ToString());
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            foreach (var (key, value) in form)
            {
                parameters[key] = Parse(key, value.ToString());
            }
        }
        else if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true
            && await JsonNode.ParseAsync(request.Body) is JsonObject json)
        {
            foreach (var (key, value) in json)
            {
                parameters[key] = value?.DeepClone();
            }
        }

        return parameters;

        static JsonNode? Parse(string key, string value) =>
            JsonParameters.Contains(key) && value.TrimStart() is ['{' or '[', ..] ? JsonNode.Parse(value) : JsonValue.Create(value);
    }

    private static int? ReplyTo(JsonObject p) =>
        p["reply_parameters"] is JsonObject reply ? (int?)Long(reply, "message_id") : (int?)Long(p, "reply_to_message_id");

    private static string? Str(JsonObject p, string name) => p[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        var node => node.ToJsonString(),
    };

    private static long? Long(JsonObject p, string name) =>
        long.TryParse(Str(p, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static bool Bool(JsonObject p, string name) => Str(p, name) is "true" or "True";

    private static (int, JsonObject?) Ok(JsonNode result) => (200, new JsonObject { ["ok"] = true, ["result"] = result });

    private static JsonObject Error(int code, string description) =>
        new() { ["ok"] = false, ["error_code"] = code, ["description"] = description };

    private static async Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }
}
