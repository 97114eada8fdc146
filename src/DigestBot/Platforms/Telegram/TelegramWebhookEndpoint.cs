using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DigestBot.Storage;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace DigestBot.Platforms.Telegram;

/// <summary>
/// Webhook mode (<c>Telegram:WebhookUrl</c> set): updates are POSTed to that URL's path. Only requests carrying
/// <c>Telegram:WebhookSecret</c> in <c>X-Telegram-Bot-Api-Secret-Token</c> are read; everything else is 401. An
/// update is answered 200 once it is stored, and answered after that by <see cref="TelegramUpdateQueue"/>.
/// </summary>
internal static class TelegramWebhookEndpoint
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    // Telegram.Bot's options carry its generated metadata; asking them by type keeps the read free of reflection.
    internal static readonly JsonTypeInfo<Update> UpdateJson = (JsonTypeInfo<Update>)JsonBotAPI.Options.GetTypeInfo(typeof(Update));

    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<TelegramOptions>>().Value;
        if (!options.Enabled || options.WebhookUrl is not { } url)
        {
            return app;
        }

        var expected = Encoding.UTF8.GetBytes(options.WebhookSecret ?? "");
        app.MapPost(url.AbsolutePath, async (HttpContext context, TelegramUpdateQueue queue, ILoggerFactory loggers) =>
        {
            var log = loggers.CreateLogger(typeof(TelegramWebhookEndpoint));
            var given = Encoding.UTF8.GetBytes(context.Request.Headers[SecretHeader].ToString());
            if (expected.Length == 0 || !CryptographicOperations.FixedTimeEquals(given, expected))
            {
                Log.WebhookUnauthorized(log, context.Connection.RemoteIpAddress?.ToString() ?? "?");
                return Results.Unauthorized();
            }

            string body;
            using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync(context.RequestAborted);
            }

            Update? update;
            try
            {
                update = JsonSerializer.Deserialize(body, UpdateJson);
            }
            catch (JsonException)
            {
                return Results.BadRequest();
            }

            if (update is null)
            {
                return Results.BadRequest();
            }

            if (!queue.TryAdmit())
            {
                Log.WebhookRefused(log, null, update.Id, $"{options.WebhookQueueLimit} updates wait to be answered already, each a curator's or in hand (Telegram:WebhookQueueLimit)");
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            try
            {
                if (await queue.StoreAsync(update, body, context.RequestAborted))
                {
                    queue.Accept(update);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.WebhookRefused(log, ex, update.Id, "it could not be stored");
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            return Results.Ok();
        });
        return app;
    }
}
