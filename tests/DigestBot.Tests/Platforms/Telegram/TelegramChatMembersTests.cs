using DigestBot.Platforms.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Telegram.Bot.Types.Enums;

namespace DigestBot.Tests.Platforms.Telegram;

/// <summary>
/// What <c>getChatMember</c> said is remembered for five minutes by the injected clock, for a bounded number of
/// people, and a failure is never remembered.
/// </summary>
public sealed class TelegramChatMembersTests : IAsyncLifetime
{
    private const string Group = "-4001";

    private readonly TempFolder folder = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private FakeTelegramServer telegram = null!;
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        telegram = await FakeTelegramServer.StartAsync(FakeTelegramOptions.Unlimited());
        services = TestServices.Create(
            folder,
            new Dictionary<string, string?>
            {
                ["Telegram:BotToken"] = telegram.Token,
                ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
                ["Telegram:Channel"] = "@digest_channel",
            },
            time);
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await telegram.DisposeAsync();
        folder.Dispose();
    }

    [Fact]
    public async Task An_answer_is_remembered_for_five_minutes_then_asked_again()
    {
        var members = services.GetRequiredService<TelegramChatMembers>();
        telegram.SetChatMember(-4001, 11, "administrator");

        var first = await members.StatusAsync(Group, 11, default);
        await members.StatusAsync(Group, 11, default);
        time.Advance(TelegramChatMembers.Remembered - TimeSpan.FromSeconds(1));
        await members.StatusAsync(Group, 11, default);
        var lookupsWithinFiveMinutes = telegram.Arrivals("getChatMember");
        time.Advance(TimeSpan.FromSeconds(1));
        await members.StatusAsync(Group, 11, default);

        Assert.Equal(ChatMemberStatus.Administrator, first);
        Assert.Equal(1, lookupsWithinFiveMinutes);
        Assert.Equal(2, telegram.Arrivals("getChatMember"));
    }

    [Fact]
    public async Task A_crowd_of_strangers_keeps_only_the_newest_answers()
    {
        var members = new TelegramChatMembers(services.GetRequiredService<TelegramApiClient>(), time, capacity: 50);

        for (var user = 1; user <= 200; user++)
        {
            await members.StatusAsync(Group, user, default);
        }

        var remembered = members.Count;
        await members.StatusAsync(Group, 200, default);
        var newestAskedAgain = telegram.Arrivals("getChatMember") - 200;
        await members.StatusAsync(Group, 1, default);

        Assert.Equal(50, remembered);
        Assert.Equal(0, newestAskedAgain);
        Assert.Equal(201, telegram.Arrivals("getChatMember"));
        Assert.Equal(50, members.Count);
    }

    [Fact]
    public async Task A_user_telegram_does_not_know_is_no_member_and_a_failure_is_not_remembered()
    {
        var members = services.GetRequiredService<TelegramChatMembers>();
        telegram.SetChatMember(-4001, 12, null);
        telegram.SetChatMember(-4001, 13, "restricted_left");
        telegram.FailNextChatMemberLookups(1);

        var failure = await Assert.ThrowsAsync<TelegramApiException>(() => members.StatusAsync(Group, 12, default));
        var unknown = await members.StatusAsync(Group, 12, default);
        var gone = await members.StatusAsync(Group, 13, default);

        Assert.Equal(500, failure.ErrorCode);
        Assert.Null(unknown);
        Assert.Equal(ChatMemberStatus.Left, gone);
        Assert.Equal(3, telegram.Arrivals("getChatMember"));
    }
}
