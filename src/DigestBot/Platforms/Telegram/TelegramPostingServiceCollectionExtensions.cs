using DigestBot.Formatting.Telegram;
using DigestBot.Publishing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace DigestBot.Platforms.Telegram;

internal static class TelegramPostingServiceCollectionExtensions
{
    /// <summary>Section of the <see cref="PacingOptions"/> for Telegram; also the key of its shared <see cref="SendPacer"/>.</summary>
    public const string Pacing = "Telegram:Pacing";

    /// <summary>Posting to <c>Telegram:Channel</c>: the bot client, the pacer every Telegram send shares, the destination and its start-up check.</summary>
    public static IServiceCollection AddTelegramPosting(this IServiceCollection services)
    {
        services.AddOptions<PacingOptions>(Pacing).BindConfiguration(Pacing).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PacingOptions>>(new PacingOptionsValidator(Pacing));

        // Telegram.Bot would otherwise sleep through short 429s by itself; the publisher owns that wait.
        // Not IHttpClientFactory: its logs print request URLs, and the URL holds the token.
        services.TryAddSingleton<ITelegramBotClient>(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            try
            {
                return new TelegramBotClient(new TelegramBotClientOptions(settings.BotToken!, settings.ApiBaseUrl.AbsoluteUri.TrimEnd('/')) { RetryThreshold = 0 });
            }
            catch (ArgumentException)
            {
                throw TelegramConnectionCheck.Fail("Telegram:BotToken is not a bot token. Set it to the token @BotFather gave the bot, which looks like 123456789:AA…");
            }
        });

        services.TryAddKeyedSingleton(Pacing, (sp, _) => new SendPacer(
            sp.GetRequiredService<IOptionsMonitor<PacingOptions>>().Get(Pacing),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<TelegramNoteRenderer>();
        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            return TelegramChannel.TryParse(settings.Channel, out var channel, out var problem)
                ? channel
                : throw TelegramConnectionCheck.Fail(problem);
        });
        services.AddSingleton<IDestination>(sp => new TelegramDestination(
            sp.GetRequiredService<ITelegramBotClient>(),
            sp.GetRequiredService<TelegramChannel>(),
            sp.GetRequiredKeyedService<SendPacer>(Pacing),
            sp.GetRequiredService<TelegramNoteRenderer>(),
            sp.GetRequiredService<ILogger<TelegramDestination>>()));
        services.AddSingleton<IStartupCheck, TelegramConnectionCheck>();
        return services;
    }
}
