using DigestBot.Platforms.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DigestBot.Tests.Platforms.Telegram;

/// <summary>A bad <c>Telegram:</c> chat setting stops the start with one sentence naming the key and the value, never a secret.</summary>
public sealed class TelegramOptionsValidatorTests
{
    private const string Token = "123456789:AAFakeTokenForDigestBotTests_0123456";

    public static TheoryData<string, string, string> BadSettings => new()
    {
        { "Telegram:ConcurrentChats", "0", "Telegram:ConcurrentChats '0' must be from 1 to 100 (chats of one batch answered at once; default 8)." },
        { "Telegram:WebhookQueueLimit", "100001", "Telegram:WebhookQueueLimit '100001' must be from 1 to 100000 (updates stored and not answered yet; default 1000)." },
        { "Telegram:Readers", "Members", "Telegram:Readers 'Members' must be Anyone (the default) or ChannelMembers (only members of Telegram:Channel may look things up and subscribe)." },
        { "Telegram:WebhookUrl", "https://bot.example.org/telegram/webhook", "Telegram:WebhookUrl needs Telegram:WebhookSecret: 1–256 characters of A–Z, a–z, 0–9, _ and -, so that only Telegram can post updates." },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void A_bad_telegram_setting_names_its_key_and_value(string key, string value, string message)
    {
        Assert.Equal(message, Failure(new Dictionary<string, string?> { [key] = value }).Message);
    }

    [Fact]
    public void A_webhook_secret_with_a_bad_character_is_refused_without_repeating_it()
    {
        var error = Failure(new Dictionary<string, string?>
        {
            ["Telegram:WebhookUrl"] = "https://bot.example.org/telegram/webhook",
            ["Telegram:WebhookSecret"] = "s3cret!value",
        });

        Assert.StartsWith("Telegram:WebhookUrl needs Telegram:WebhookSecret", error.Message);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("Anyone", false)]
    [InlineData("channelmembers", true)]
    public void The_defaults_and_both_reader_settings_are_valid(string? readers, bool onlyMembers)
    {
        using var folder = new TempFolder();
        using var services = Services(folder, new Dictionary<string, string?> { ["Telegram:Readers"] = readers });

        Assert.Equal(onlyMembers, services.GetRequiredService<IOptions<TelegramOptions>>().Value.OnlyChannelMembers);
    }

    private static OptionsValidationException Failure(Dictionary<string, string?> settings)
    {
        using var folder = new TempFolder();
        using var services = Services(folder, settings);
        return Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TelegramOptions>>().Value);
    }

    private static ServiceProvider Services(TempFolder folder, Dictionary<string, string?> settings)
    {
        settings["Telegram:BotToken"] = Token;
        settings["Telegram:Channel"] = "@digest_channel";
        return TestServices.Create(folder, settings);
    }
}
