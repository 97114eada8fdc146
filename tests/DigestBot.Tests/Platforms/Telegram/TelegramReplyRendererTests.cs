using DigestBot.Chat;
using DigestBot.Formatting.Telegram;
using DigestBot.Platforms.Telegram;
using DigestBot.Tests.Formatting;

namespace DigestBot.Tests.Platforms.Telegram;

public sealed class TelegramReplyRendererTests
{
    private readonly TelegramReplyRenderer renderer = new();

    [Fact]
    public void Ten_huge_titles_and_many_lines_stay_valid_and_under_the_limit()
    {
        var title = string.Concat(Enumerable.Repeat("<b>&😀 제목 ", 400));
        var reply = new ChatReply(title)
        {
            Notes = Enumerable.Range(1, 10)
                .Select(i => new NoteListing(i, title, new DateOnly(2024, 7, 30), null, null, "https://arxiv.org/abs/2408.00714?x=<&>", Queued: false, Slot: null))
                .ToList(),
            Lines = Enumerable.Range(1, 300).Select(i => $"#tag-{i} — {i} & <more>").ToList(),
            Page = 1,
            PageCount = 2,
            PageCommand = "/tag llm",
        };

        var rendered = renderer.Render(reply);

        Assert.Empty(TelegramHtmlValidator.Problems(rendered.Html));
        Assert.InRange(TelegramHtml.VisibleLength(rendered.Html), 3000, TelegramHtml.MaxVisibleLength);
        Assert.Contains("more not shown.", rendered.Html);
        Assert.EndsWith("<i>Page 1 of 2</i>", rendered.Html);
        Assert.NotNull(rendered.Keyboard);
    }

    [Fact]
    public void Page_buttons_that_would_exceed_64_bytes_become_a_text_hint()
    {
        var words = string.Concat(Enumerable.Repeat("검색어 ", 12)).Trim();
        var reply = new ChatReply("many") { Page = 1, PageCount = 3, PageCommand = "/search " + words };

        var rendered = renderer.Render(reply);

        Assert.Null(rendered.Keyboard);
        Assert.EndsWith($"<i>Page 1 of 3 · next: /search {words} 2</i>", rendered.Html);
    }

    [Theory]
    [InlineData("/tag video-segmentation", 2, "p|t|video-segmentation|2")]
    [InlineData("/search 비디오 segmentation", 11, "p|s|비디오 segmentation|11")]
    public void Page_button_data_round_trips(string command, int page, string data)
    {
        var encoded = TelegramPageButton.Data(command, page);
        var decoded = TelegramPageButton.Parse(encoded);

        Assert.Equal(data, encoded);
        Assert.Equal(command[(command.IndexOf(' ') + 1)..], decoded?.Argument);
        Assert.Equal(page, decoded?.Page);
    }

    [Theory]
    [InlineData("@digest_channel", 17, "https://t.me/digest_channel/17")]
    [InlineData("-1001234567890", 5, "https://t.me/c/1234567890/5")]
    [InlineData("4242", 5, null)]
    [InlineData("-4001", 5, null)]
    public void Message_links_follow_the_channel_kind(string chat, int id, string? link)
    {
        var channel = long.TryParse(chat, System.Globalization.CultureInfo.InvariantCulture, out var chatId) && chatId > -1_000_000_000_000
            ? TelegramChannel.ForChat(chatId)
            : TelegramChannel.TryParse(chat, out var parsed, out _) ? parsed : throw new ArgumentException(chat);

        Assert.Equal(link, channel.Permalink(id.ToString(System.Globalization.CultureInfo.InvariantCulture), usernameSeen: null));
    }

    [Fact]
    public void A_long_queue_gets_buttons_for_the_first_24_notes_and_says_how_many_more_there_are()
    {
        var reply = new ChatReply("30 notes queued; next slot 2026-03-02 09:00 Asia/Seoul")
        {
            Notes = [.. Enumerable.Range(1, 30).Select(i => new NoteListing(100 + i, $"대기 중인 논문 {i}", null, null, null, null, true, null) { Number = i, When = "posting now" })],
            Lines = ["Posting is held until resumed."],
            QueueVersion = "0123abcd",
        };

        var rendered = renderer.Render(reply);
        var rows = rendered.Keyboard!.InlineKeyboard.Select(r => r.ToList()).ToList();

        Assert.Equal(24, rows.Count);
        Assert.All(rows, r => Assert.Equal(4, r.Count));
        Assert.Equal(["q:u:124:0123abcd", "q:d:124:0123abcd", "q:n:124:0123abcd", "q:w:124:0123abcd"], rows[23].Select(b => b.CallbackData));
        Assert.Contains("24. <b>대기 중인 논문 24</b>", rendered.Html);
        Assert.DoesNotContain("대기 중인 논문 25", rendered.Html);
        Assert.Contains("<i>queued, posting now</i>\n\n… and 6 more not shown.\n\nPosting is held until resumed.", rendered.Html);
        Assert.Empty(TelegramHtmlValidator.Problems(rendered.Html));
    }

    [Fact]
    public void Queue_buttons_are_given_only_for_the_notes_the_message_has_room_for()
    {
        var title = string.Concat(Enumerable.Repeat("아주 긴 제목 ", 60));
        var reply = new ChatReply("24 notes queued")
        {
            Notes = [.. Enumerable.Range(1, 24).Select(i => new NoteListing(i, title, null, null, null, "https://arxiv.org/abs/2408.00714", true, null) { Number = i, When = "posting now" })],
            QueueVersion = "0123abcd",
        };

        var rendered = renderer.Render(reply);
        var shown = Enumerable.Range(1, 24).Count(i => rendered.Html.Contains($"\n\n{i}. <b>", StringComparison.Ordinal));

        Assert.InRange(shown, 1, 23);
        Assert.Equal(shown, rendered.Keyboard!.InlineKeyboard.Count());
        Assert.Contains($"… and {24 - shown} more not shown.", rendered.Html);
        Assert.Empty(TelegramHtmlValidator.Problems(rendered.Html));
    }
}
