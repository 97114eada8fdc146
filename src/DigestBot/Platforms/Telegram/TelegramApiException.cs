using System.Net;
using DigestBot.Publishing;
using Telegram.Bot.Exceptions;

namespace DigestBot.Platforms.Telegram;

/// <summary>
/// The Bot API said no, or could not be reached. Classified here, once, from Telegram's <c>error_code</c> and
/// description (<see cref="PlatformException.PlatformWords"/>), for the publisher and for answers alike.
/// </summary>
internal sealed class TelegramApiException(string method, int? errorCode, string description, PlatformErrorKind kind, Exception inner, TimeSpan? retryAfter = null)
    : PlatformException(kind, description, $"Telegram {method} failed: {description}", inner, retryAfter)
{
    // 400s that say the chat itself is out of reach for the bot, not that this message is wrong.
    private static readonly string[] DestinationPhrases =
    [
        "chat not found", "not enough rights", "need administrator rights", "have no rights", "chat_write_forbidden",
        "chat_admin_required", "bot was kicked", "bot is not a member", "group chat was upgraded", "channel_private",
        "chat_restricted", "peer_id_invalid", "user is deactivated", "bot was blocked",
    ];

    public string Method { get; } = method;

    /// <summary>Telegram's <c>error_code</c>, or the HTTP status when the answer was not the Bot API's; null without an answer.</summary>
    public int? ErrorCode { get; } = errorCode;

    /// <summary>A group became a supergroup: its new id (Telegram's <c>migrate_to_chat_id</c>).</summary>
    public long? MigrateToChatId { get; init; }

    public static TelegramApiException From(string method, Exception ex) => ex switch
    {
        ApiRequestException api => FromApi(method, api),
        RequestException request when request.HttpStatusCode is { } status && (int)status is >= 400 and < 500 and not 429 =>
            new(method, (int)status, request.Message, PlatformErrorKind.Unknown, ex),
        _ => new(method, null, ex.Message, PlatformErrorKind.Transient, ex),
    };

    private static TelegramApiException FromApi(string method, ApiRequestException ex)
    {
        var description = ex.Message;
        if (ex.ErrorCode == (int)HttpStatusCode.TooManyRequests)
        {
            var wait = TimeSpan.FromSeconds(Math.Max(1, ex.Parameters?.RetryAfter ?? 1));
            return new(method, ex.ErrorCode, description, PlatformErrorKind.Transient, ex, wait);
        }

        var kind = ex.ErrorCode switch
        {
            >= 500 => PlatformErrorKind.Transient,
            401 or 403 => PlatformErrorKind.ThisDestination,
            400 when ex.Parameters?.MigrateToChatId is not null || NamesTheChat(description) => PlatformErrorKind.ThisDestination,
            400 or 413 => PlatformErrorKind.ThisMessage,
            _ => PlatformErrorKind.Unknown,
        };
        return new(method, ex.ErrorCode, description, kind, ex) { MigrateToChatId = ex.Parameters?.MigrateToChatId };
    }

    private static bool NamesTheChat(string description) =>
        DestinationPhrases.Any(p => description.Contains(p, StringComparison.OrdinalIgnoreCase));
}
