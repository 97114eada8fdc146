using DigestBot.Publishing;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace DigestBot.Platforms.Telegram;

internal static class TelegramClientServiceCollectionExtensions
{
    /// <summary>
    /// The one Bot API client, registered once: the HTTP client it uses (no request logging — the token is in every
    /// URL), Telegram.Bot's client with its own 429 sleeping turned off, the <see cref="SendPacer"/> every Telegram send
    /// shares, and <see cref="TelegramApiClient"/> over them.
    /// </summary>
    public static IServiceCollection AddTelegramClient(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(TelegramApiClient)))
        {
            return services;
        }

        services.AddOptions<PacingOptions>(TelegramPostingServiceCollectionExtensions.Pacing)
            .BindConfiguration(TelegramPostingServiceCollectionExtensions.Pacing)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PacingOptions>>(new PacingOptionsValidator(TelegramPostingServiceCollectionExtensions.Pacing));
        services.AddHttpClient(nameof(TelegramApiClient)).RemoveAllLoggers();
        services.AddSingleton<ITelegramBotClient>(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(TelegramApiClient));
            try
            {
                // RetryThreshold 0: every 429 reaches TelegramApiClient, which decides how long to wait.
                return new TelegramBotClient(new TelegramBotClientOptions(settings.BotToken!, settings.ApiBaseUrl.AbsoluteUri.TrimEnd('/')) { RetryThreshold = 0 }, http);
            }
            catch (ArgumentException)
            {
                throw TelegramConnectionCheck.Fail("Telegram:BotToken is not a bot token. Set it to the token @BotFather gave the bot, which looks like 123456789:AA…");
            }
        });
        services.AddKeyedSingleton(TelegramPostingServiceCollectionExtensions.Pacing, (sp, _) => new SendPacer(
            sp.GetRequiredService<IOptionsMonitor<PacingOptions>>().Get(TelegramPostingServiceCollectionExtensions.Pacing),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<TelegramApiClient>();
        return services;
    }
}
