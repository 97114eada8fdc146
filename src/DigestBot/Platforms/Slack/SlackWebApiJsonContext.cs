using System.Text.Json.Serialization;
using DigestBot.Platforms.Slack.WebApi;
using DigestBot.Platforms.Slack.Wire;

namespace DigestBot.Platforms.Slack;

/// <summary>Everything DigestBot sends to or reads from Slack, in Slack's snake_case; absent values are left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SlackResponseStatus))]
[JsonSerializable(typeof(ChatPostMessageRequest))]
[JsonSerializable(typeof(ChatPostMessageResponse))]
[JsonSerializable(typeof(ChatUpdateRequest))]
[JsonSerializable(typeof(ChatUpdateResponse))]
[JsonSerializable(typeof(ChatDeleteRequest))]
[JsonSerializable(typeof(ChatGetPermalinkResponse))]
[JsonSerializable(typeof(ChatUnfurlRequest))]
[JsonSerializable(typeof(AuthTestResponse))]
[JsonSerializable(typeof(ConversationsInfoResponse))]
[JsonSerializable(typeof(AppsConnectionsOpenResponse))]
[JsonSerializable(typeof(SlackCommandResponse))]
[JsonSerializable(typeof(SlackEventEnvelope))]
[JsonSerializable(typeof(SocketModeEnvelope))]
[JsonSerializable(typeof(SocketModeAck))]
[JsonSerializable(typeof(SlashCommand))]
[JsonSerializable(typeof(SlackInteraction))]
[JsonSerializable(typeof(ViewsPublishRequest))]
[JsonSerializable(typeof(ViewsPublishResponse))]
internal sealed partial class SlackWebApiJsonContext : JsonSerializerContext;
