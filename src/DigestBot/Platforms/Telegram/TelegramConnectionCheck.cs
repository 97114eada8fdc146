using DigestBot.Publishing;
using Microsoft.Extensions.Options;
using Telegram.Bot.Exceptions;

namespace DigestBot.Platforms.Telegram;

/// <summary>
/// Before posting starts: Telegram:Channel is usable and Telegram:BotToken is accepted (getMe), so a wrong token
/// fails at once with one sentence instead of at the first slot, hours later. The token is never printed.
/// </summary>
internal sealed class TelegramConnectionCheck(IServiceProvider services, IOptions<TelegramOptions> options, ILogger<TelegramConnectionCheck> log) : IStartupCheck
{
    public async Task CheckAsync(CancellationToken ct)
    {
        var settings = options.Value;
        if (!TelegramChannel.TryParse(settings.Channel, out var channel, out var problem))
        {
            throw Fail(problem);
        }

        var api = services.GetRequiredService<TelegramApiClient>();
        try
        {
            var me = await api.GetMeAsync(ct);
            Log.PostingAs(log, me.Username ?? me.FirstName, channel.Text);
        }
        catch (TelegramApiException ex) when (ex.ErrorCode is 401 or 404)
        {
            throw Fail($"Telegram refused Telegram:BotToken ({ex.ErrorCode} {ex.PlatformWords}). Set it to the token @BotFather gave the bot, which looks like 123456789:AA…");
        }
        catch (TelegramApiException ex) when (ex.ErrorCode is not null && ex.InnerException is ApiRequestException)
        {
            throw Fail($"Telegram answered getMe with {ex.ErrorCode} {ex.PlatformWords}. Check Telegram:BotToken and Telegram:ApiBaseUrl.");
        }
        catch (TelegramApiException ex)
        {
            var reason = (ex.InnerException?.InnerException ?? ex.InnerException ?? ex).Message.TrimEnd('.');
            throw Fail($"Cannot reach the Telegram Bot API at {settings.ApiBaseUrl} ({reason}). Check Telegram:ApiBaseUrl and the network.");
        }
    }

    internal static OptionsValidationException Fail(string sentence) =>
        new(TelegramOptions.Section, typeof(TelegramOptions), [sentence]);
}
