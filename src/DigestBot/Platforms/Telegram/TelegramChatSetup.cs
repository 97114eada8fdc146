using DigestBot.Background;
using DigestBot.Chat;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace DigestBot.Platforms.Telegram;

/// <summary>
/// At start: the command menu users see (setMyCommands: the default list in English, and one for apps set to Korean),
/// and in webhook mode the webhook with its secret.
/// </summary>
internal sealed class TelegramChatSetup(TelegramApiClient api, IOptions<TelegramOptions> options, TimeProvider time, ILogger<TelegramChatSetup> log) : BackgroundService
{
    public static readonly BotCommand[] Menu = MenuIn(ChatLanguage.English);

    public static readonly BotCommand[] KoreanMenu = MenuIn(ChatLanguage.Korean);

    /// <summary>Telegram's <c>language_code</c> for the Korean menu; apps in any other language get the default one.</summary>
    public const string KoreanLanguageCode = "ko";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await api.SetMyCommandsAsync(Menu, scope: null, languageCode: null, stoppingToken);
                await api.SetMyCommandsAsync(KoreanMenu, scope: null, KoreanLanguageCode, stoppingToken);
                if (o.WebhookUrl is { } url)
                {
                    await api.SetWebhookAsync(url.ToString(), TelegramUpdatePoller.AllowedUpdates, o.WebhookSecret, stoppingToken);
                    Log.WebhookSet(log, url.GetLeftPart(UriPartial.Path));
                }

                Log.CommandMenuSet(log, Menu.Length);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                var wait = Backoff.After(attempt + 1, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
                Log.SetupFailed(log, ex, wait);
                await Task.Delay(wait, time, stoppingToken);
            }
        }
    }

    private static BotCommand[] MenuIn(ChatLanguage language) =>
        [.. ChatCommandCatalog.Menu.Select(c => new BotCommand(c.Name, c.SummaryIn(language)))];
}
