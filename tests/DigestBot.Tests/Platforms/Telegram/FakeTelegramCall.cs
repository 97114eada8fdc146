using System.Text.Json.Nodes;

namespace DigestBot.Tests.Platforms.Telegram;

/// <summary>One Bot API call as the fake saw it. <paramref name="StatusCode"/> 0 means the connection was dropped.</summary>
internal sealed record FakeTelegramCall(
    string Method,
    string? ChatId,
    string? Text,
    int? ReplyToMessageId,
    JsonObject? LinkPreviewOptions,
    string? ParseMode,
    DateTimeOffset At,
    int StatusCode,
    string? ContentType,
    JsonObject Parameters);

/// <summary>One <c>sendMessage</c> to a numeric chat: which chat, when it arrived, what the fake answered.</summary>
internal readonly record struct FakeTelegramAnswer(long ChatId, DateTimeOffset At, int StatusCode);
