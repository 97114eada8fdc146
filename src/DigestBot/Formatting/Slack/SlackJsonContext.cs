using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigestBot.Formatting.Slack;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(SlackMessage))]
internal sealed partial class SlackJsonContext : JsonSerializerContext
{
    /// <summary>Leaves Korean and emoji readable in payloads and logs instead of <c>\uXXXX</c>.</summary>
    public static SlackJsonContext Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
