using DigestBot.Chat;
using DigestBot.Formatting.Telegram;
using DigestBot.Publishing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DigestBot.Platforms.Telegram;

internal static class TelegramPostingServiceCollectionExtensions
{
    /// <summary>Section of the <see cref="PacingOptions"/> for Telegram; also the key of its shared <see cref="SendPacer"/>.</summary>
    public const string Pacing = "Telegram:Pacing";

    /// <summary>Posting to <c>Telegram:Channel</c>: the destination and its start-up check, over the one <see cref="TelegramApiClient"/>.</summary>
    public static IServiceCollection AddTelegramPosting(this IServiceCollection services)
    {
        services.AddTelegramClient();
        services.TryAddSingleton<TelegramNoteRenderer>();
        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            return TelegramChannel.TryParse(settings.Channel, out var channel, out var problem)
                ? channel
                : throw TelegramConnectionCheck.Fail(problem);
        });
        services.AddSingleton<IDestination>(sp =>
        {
            var language = sp.GetRequiredService<IOptions<ChatOptions>>().Value.ParsedLanguage;
            return new TelegramDestination(
                sp.GetRequiredService<TelegramApiClient>(),
                sp.GetRequiredService<TelegramChannel>(),
                sp.GetRequiredService<TelegramNoteRenderer>(),
                sp.GetRequiredService<ILogger<TelegramDestination>>())
            {
                ShareLabel = ChatText.Get(language, ChatTextKey.ShareButton),
                WithdrawnText = ChatText.Get(language, ChatTextKey.WithdrawnPlaceholder),
            };
        });
        services.AddSingleton<IStartupCheck, TelegramConnectionCheck>();
        return services;
    }
}
