using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace DigestBot.Platforms.Telegram;

/// <summary>
/// Webhook mode (<c>Telegram:WebhookUrl</c> set): updates are POSTed to that URL's path. Only requests carrying
/// <c>Telegram:WebhookSecret</c> in <c>X-Telegram-Bot-Api-Secret-Token</c> are read; everything else is 401.
/// </summary>
internal static class TelegramWebhookEndpoint
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    // Telegram.Bot's options carry its generated metadata; asking them by type keeps the read free of reflection.
    private static readonly JsonTypeInfo<Update> UpdateJson = (JsonTypeInfo<Update>)JsonBotAPI.Options.GetTypeInfo(typeof(Update));

    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<TelegramOptions>>().Value;
        if (!options.Enabled || options.WebhookUrl is not { } url)
        {
            return app;
        }

        var expected = Encoding.UTF8.GetBytes(options.WebhookSecret ?? "");
        app.MapPost(url.AbsolutePath, async (HttpContext context, TelegramUpdateHandler handler, ILoggerFactory loggers) =>
        {
            var given = Encoding.UTF8.GetBytes(context.Request.Headers[SecretHeader].ToString());
            if (expected.Length == 0 || !CryptographicOperations.FixedTimeEquals(given, expected))
            {
                Log.WebhookUnauthorized(loggers.CreateLogger(typeof(TelegramWebhookEndpoint)), context.Connection.RemoteIpAddress?.ToString() ?? "?");
                return Results.Unauthorized();
            }

            Update? update;
            try
            {
                update = await JsonSerializer.DeserializeAsync(context.Request.Body, UpdateJson, context.RequestAborted);
            }
            catch (JsonException)
            {
                return Results.BadRequest();
            }

            if (update is null)
            {
                return Results.BadRequest();
            }

            await handler.HandleAsync(update, context.RequestAborted);
            return Results.Ok();
        });
        return app;
    }
}
