using DigestBot.Publishing;
using Microsoft.Extensions.Options;
using Telegram.Bot;
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

        var bot = services.GetRequiredService<ITelegramBotClient>();
        try
        {
            var me = await bot.GetMe(ct);
            Log.PostingAs(log, me.Username ?? me.FirstName, channel.Text);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode is 401 or 404)
        {
            throw Fail($"Telegram refused Telegram:BotToken ({ex.ErrorCode} {ex.Message}). Set it to the token @BotFather gave the bot, which looks like 123456789:AA…");
        }
        catch (ApiRequestException ex)
        {
            throw Fail($"Telegram answered getMe with {ex.ErrorCode} {ex.Message}. Check Telegram:BotToken and Telegram:ApiBaseUrl.");
        }
        catch (Exception ex) when (ex is RequestException or HttpRequestException || ex is TaskCanceledException && !ct.IsCancellationRequested)
        {
            var reason = (ex.InnerException ?? ex).Message.TrimEnd('.');
            throw Fail($"Cannot reach the Telegram Bot API at {settings.ApiBaseUrl} ({reason}). Check Telegram:ApiBaseUrl and the network.");
        }
    }

    internal static OptionsValidationException Fail(string sentence) =>
        new(TelegramOptions.Section, typeof(TelegramOptions), [sentence]);
}
