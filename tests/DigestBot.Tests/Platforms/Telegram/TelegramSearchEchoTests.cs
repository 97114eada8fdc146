namespace DigestBot.Tests.Platforms.Telegram;

/// <summary>A search repeats the sender's words into the chat: shortened past 16 words or 256 characters, and never as a mention.</summary>
public sealed class TelegramSearchEchoTests
{
    private const long Group = -4001;

    [Fact]
    public async Task An_at_name_in_the_search_words_reads_the_same_but_mentions_nobody()
    {
        await using var host = await TelegramChatHost.StartAsync();

        var answer = (await host.SendAsync(Group, "/search @alice_reader 비디오 @here")).Text!;

        Assert.Contains("“@\u2060alice_reader 비디오 @\u2060here”", answer, StringComparison.Ordinal);
        Assert.DoesNotMatch("@[A-Za-z0-9_]", answer);
    }

    [Fact]
    public async Task A_long_search_is_shortened_and_says_so_in_the_senders_language()
    {
        await using var host = await TelegramChatHost.StartAsync();
        await host.QueueAsync(NoteFactory.Paper("Video model paper", "2501.00001", ["cv"]));
        await host.PostAllQueuedAsync();
        var words = "video " + string.Join(' ', Enumerable.Range(1, 30).Select(i => $"w{i}"));

        var english = (await host.SendAsync(Group, "/search " + words)).Text!;
        var korean = (await host.SendAsync(Group, "/search " + words, languageCode: "ko")).Text!;
        var found = (await host.SendAsync(Group, "/search video")).Text!;

        Assert.StartsWith("<b>Nothing found for “video w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15”.</b>", english);
        Assert.EndsWith("Your search was shortened to its first 16 different words and at most 256 characters.", english);
        Assert.EndsWith("검색어가 길어서 서로 다른 단어 16개, 256자 이내로 줄였어요.", korean);
        Assert.StartsWith("<b>“video”: 1 note</b>", found);
        Assert.DoesNotContain("shortened", found);
    }
}
