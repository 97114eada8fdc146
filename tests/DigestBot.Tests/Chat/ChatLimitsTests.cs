using DigestBot.Chat;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DigestBot.Tests.Chat;

/// <summary>The limits on commands, through the real conversation, with the clock moved by hand.</summary>
public sealed class ChatLimitsTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider time = new(Start);
    private readonly TempFolder folder = new();
    private readonly Conversation conversation;
    private readonly ServiceProvider services;

    public ChatLimitsTests()
    {
        services = TestServices.Create(
            folder,
            new Dictionary<string, string?> { ["Chat:Limits:PerUser"] = "3", ["Chat:Limits:PerChat"] = "5", ["Chat:Limits:Window"] = "00:01:00" },
            time);
        conversation = services.GetRequiredService<Conversation>();
    }

    public void Dispose()
    {
        services.Dispose();
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    private async Task<string?> Ask(string user, string chat = "group-1", bool curator = false, ChatKind kind = ChatKind.Group) =>
        (await conversation.HandleAsync(new ChatMessage(ChatPlatform.Telegram, chat, user, "/tags", curator) { Kind = kind }, default))?.Reply.Heading;

    [Fact]
    public async Task Over_the_limit_a_sender_hears_slow_down_once_then_nothing_until_the_next_window()
    {
        var answers = new List<string?>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add(await Ask("stranger"));
        }

        time.Advance(TimeSpan.FromMinutes(1));
        var after = await Ask("stranger");

        Assert.All(answers.Take(3), a => Assert.StartsWith("No tags yet", a));
        Assert.Equal(LimitTexts.SlowDown(TimeSpan.FromMinutes(1)), answers[3]);
        Assert.Null(answers[4]);
        Assert.Null(answers[5]);
        Assert.StartsWith("No tags yet", after);
    }

    [Fact]
    public async Task A_chat_is_limited_across_its_senders_and_curators_are_never_limited()
    {
        var answers = new List<string?>();
        foreach (var user in new[] { "a", "a", "b", "b", "c", "c", "d" })
        {
            answers.Add(await Ask(user));
        }

        var curator = new List<string?>();
        for (var i = 0; i < 10; i++)
        {
            curator.Add(await Ask("curator", curator: true));
        }

        var elsewhere = await Ask("d", chat: "group-2");

        Assert.All(answers.Take(5), a => Assert.StartsWith("No tags yet", a));
        Assert.Equal(LimitTexts.SlowDown(TimeSpan.FromMinutes(1)), answers[5]);
        Assert.Null(answers[6]);
        Assert.All(curator, a => Assert.StartsWith("No tags yet", a));
        Assert.StartsWith("No tags yet", elsewhere);
    }

    [Fact]
    public void A_stranger_sending_from_many_ids_cannot_grow_what_is_remembered_past_the_bound()
    {
        using var limits = new ChatLimits(Options.Create(new ChatLimitsOptions { PerUser = 2, PerChat = 1_000_000, Tracked = 100 }), time);
        var verdicts = new List<ChatLimitVerdict>();
        for (var i = 0; i < 100_000; i++)
        {
            verdicts.Add(limits.Check(new ChatMessage(ChatPlatform.Telegram, i.ToString(System.Globalization.CultureInfo.InvariantCulture), "id" + i, "/tags", false)));
        }

        Assert.True(limits.Tracked <= 100, $"{limits.Tracked} remembered");
        // Past the bound the newcomers share one allowance: most of the flood is not answered.
        Assert.True(verdicts.Count(v => v == ChatLimitVerdict.Allowed) <= 102);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(ChatLimitVerdict.Allowed, limits.Check(new ChatMessage(ChatPlatform.Telegram, "honest", "honest", "/tags", false)));
    }

    [Theory]
    [InlineData("PerUser", "0", "Chat:Limits:PerUser '0'")]
    [InlineData("Window", "00:00:00", "Chat:Limits:Window '00:00:00'")]
    public void Impossible_limits_are_refused_with_the_key_and_the_value(string key, string value, string named)
    {
        using var bad = TestServices.Create(folder, new Dictionary<string, string?> { ["Chat:Limits:" + key] = value });

        var failure = Assert.Throws<OptionsValidationException>(() => bad.GetRequiredService<IOptions<ChatLimitsOptions>>().Value);

        Assert.Contains(named, failure.Message);
    }
}
