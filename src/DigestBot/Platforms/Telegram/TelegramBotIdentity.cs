using Telegram.Bot.Types;

namespace DigestBot.Platforms.Telegram;

/// <summary>Who the bot is (getMe), asked once: its username tells <c>/tag@OurBot</c> from commands for other bots.</summary>
internal sealed class TelegramBotIdentity(TelegramApiClient api)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private User? me;

    public async Task<User> GetAsync(CancellationToken ct)
    {
        if (me is { } known)
        {
            return known;
        }

        await gate.WaitAsync(ct);
        try
        {
            return me ??= await api.GetMeAsync(ct);
        }
        finally
        {
            gate.Release();
        }
    }
}
