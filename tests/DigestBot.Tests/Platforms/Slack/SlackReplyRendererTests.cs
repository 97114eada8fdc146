using System.Text.Json;
using System.Text.Json.Nodes;
using DigestBot.Chat;
using DigestBot.Formatting.Slack;
using DigestBot.Platforms.Slack;
using DigestBot.Tests.Formatting;

namespace DigestBot.Tests.Platforms.Slack;

public sealed class SlackReplyRendererTests
{
    [Fact]
    public void A_tag_answer_links_each_title_to_its_post_and_each_paper()
    {
        var reply = new ChatReply("#video-segmentation: 2 notes")
        {
            Notes =
            [
                new NoteListing(1, "SAM 2: Segment Anything in Images and Videos", new DateOnly(2024, 7, 30), DateTimeOffset.Parse("2024-07-30T09:00:00Z"), "https://digest.slack.com/archives/C1/p1722300000000100", "https://ai.meta.com/blog/segment-anything-2", false, null)
                {
                    Number = 1,
                    Posted = "posted 2024-07-30 09:00 UTC",
                },
                new NoteListing(2, "Queued <paper> & co", null, null, null, "https://arxiv.org/abs/2501.00001", true, DateTimeOffset.Parse("2026-03-02T09:00:00Z"))
                {
                    Number = 2,
                    When = "goes out 2026-03-02 09:00 UTC",
                },
            ],
        };

        var message = SlackReplyRenderer.Render(reply);
        var json = Json(message);
        var sections = json["blocks"]!.AsArray().Select(b => (string)b!["text"]!["text"]!).ToList();

        Assert.Empty(SlackBlockKitChecker.Problems(json.ToJsonString()));
        Assert.Equal("*#video-segmentation: 2 notes*", sections[0]);
        Assert.Equal("1. *<https://digest.slack.com/archives/C1/p1722300000000100|SAM 2: Segment Anything in Images and Videos>* (2024-07-30)\nposted 2024-07-30 09:00 UTC · <https://ai.meta.com/blog/segment-anything-2|ai.meta.com/blog/segment-anything-2>", sections[1]);
        Assert.Equal("2. *Queued &lt;paper&gt; &amp; co*\n_queued, goes out 2026-03-02 09:00 UTC_ · <https://arxiv.org/abs/2501.00001|arxiv.org/abs/2501.00001>", sections[2]);
        Assert.Equal("#video-segmentation: 2 notes", message.Text);
    }

    [Fact]
    public void Hundreds_of_tags_and_long_titles_stay_within_every_Block_Kit_limit()
    {
        var reply = new ChatReply("5000 tags")
        {
            Lines = Enumerable.Range(0, 5000).Select(i => $"#tag-{i}-{new string('x', i % 40)} — {i}").ToList(),
            Notes = Enumerable.Range(0, 10).Select(i => new NoteListing(i, new string('긴', 5000) + "@channel", null, null, null, "https://arxiv.org/abs/2408.0071" + i, true, null) { Number = 11 + i, When = "posting now" }).ToList(),
            Page = 2,
            PageCount = 3,
            PageCommand = "/tag llm",
        };

        var json = Json(SlackReplyRenderer.Render(reply));
        var blocks = json["blocks"]!.AsArray();

        Assert.Empty(SlackBlockKitChecker.Problems(json.ToJsonString()));
        Assert.Equal(50, blocks.Count);
        Assert.Equal(["/tag llm 1", "/tag llm 3"], blocks[^1]!["elements"]!.AsArray().Select(b => (string)b!["value"]!));
        Assert.Equal("Page 2 of 3.", (string)blocks[^2]!["elements"]![0]!["text"]!);
        Assert.StartsWith("…and ", (string)blocks[^3]!["elements"]![0]!["text"]!);
        Assert.StartsWith("11. ", (string)blocks[1]!["text"]!["text"]!);
    }

    [Theory]
    [InlineData(1, 3, new[] { "/tag 비디오-분할 2" })]
    [InlineData(2, 3, new[] { "/tag 비디오-분할 1", "/tag 비디오-분할 3" })]
    [InlineData(3, 3, new[] { "/tag 비디오-분할 2" })]
    public void A_paged_answer_carries_the_page_buttons_that_apply(int page, int pageCount, string[] values)
    {
        var reply = new ChatReply("#비디오-분할") { Lines = ["x"], Page = page, PageCount = pageCount, PageCommand = "/tag 비디오-분할" };

        var json = Json(SlackReplyRenderer.Render(reply));
        var buttons = json["blocks"]!.AsArray()[^1]!["elements"]!.AsArray();

        Assert.Empty(SlackBlockKitChecker.Problems(json.ToJsonString()));
        Assert.Equal(values, buttons.Select(b => (string)b!["value"]!));
        Assert.All(buttons, b => Assert.Equal(SlackPageButton.ActionId, (string)b!["action_id"]!));
    }

    [Theory]
    [InlineData("/tag video-segmentation 2", "/tag video-segmentation 2")]
    [InlineData("/search 비디오 분할 3", "/search 비디오 분할 3")]
    [InlineData("/queue 2", null)]
    [InlineData("/subscribe llm 2", null)]
    [InlineData("/tag llm", null)]
    [InlineData("/tag llm 0", null)]
    [InlineData("/tag llm -1", null)]
    [InlineData("/tag@OtherBot llm 2", null)]
    [InlineData("/tag llm\n/queue 2", null)]
    [InlineData("tag llm 2", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_button_value_is_accepted_only_as_a_page_of_tag_or_search(string? value, string? command)
    {
        Assert.Equal(command, SlackPageButton.Command(value?.Replace("\\n", "\n", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_button_value_longer_than_Slack_allows_is_refused()
    {
        Assert.Null(SlackPageButton.Command("/search " + new string('a', 2000) + " 2"));
    }

    [Fact]
    public void A_long_queue_shows_twenty_notes_each_with_its_buttons_within_the_block_limit()
    {
        var title = string.Concat(Enumerable.Repeat("아주 긴 제목 <&> ", 40));
        var reply = new ChatReply("30 notes queued; next slot 2026-03-02 09:00 Asia/Seoul")
        {
            Notes = [.. Enumerable.Range(1, 30).Select(i => new NoteListing(100 + i, title, null, null, null, "https://arxiv.org/abs/2408.00714", true, null) { Number = i, When = "posting now" })],
            Lines = ["Posting is held until resumed."],
            QueueVersion = "0123abcd",
        };

        var json = Json(SlackReplyRenderer.Render(reply, "“대기 중인 논문” (note 101) is now number 2 in the queue."));
        var blocks = json["blocks"]!.AsArray();
        var actions = blocks.Where(b => (string?)b!["type"] == "actions").ToList();

        Assert.Empty(SlackBlockKitChecker.Problems(json.ToJsonString()));
        Assert.InRange(blocks.Count, 44, 50);
        Assert.Equal("“대기 중인 논문” (note 101) is now number 2 in the queue.", (string?)blocks[0]!["elements"]![0]!["text"]);
        Assert.Equal(20, actions.Count);
        Assert.All(actions, a => Assert.Equal("section", (string?)blocks[blocks.IndexOf(a) - 1]!["type"]));
        Assert.Equal(
            ["queue_move_up", "queue_move_down", "queue_next", "queue_withdraw"],
            actions[19]!["elements"]!.AsArray().Select(e => (string)e!["action_id"]!));
        Assert.All(actions[19]!["elements"]!.AsArray(), e => Assert.Equal("120:0123abcd", (string?)e!["value"]));
        Assert.Contains(blocks, b => (string?)b!["type"] == "context" && (string?)b["elements"]![0]!["text"] == "… and 10 more not shown.");
        Assert.Contains("Posting is held until resumed.", json.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
    }

    private static JsonObject Json(SlackMessage message)
    {
        var node = JsonSerializer.SerializeToNode(message, SlackJsonContext.Default.SlackMessage)!.AsObject();
        node.Remove("reply_to_part");
        return node;
    }
}
