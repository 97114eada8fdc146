using DigestBot.Publishing;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Nodes;

namespace DigestBot.Tests.Platforms.Telegram;

/// <summary>
/// Inline mode through the real host and the fake Bot API: <c>@DigestBot …</c> typed in any chat reaches the bot as an
/// <c>inline_query</c>, and its <c>answerInlineQuery</c> lists posted notes as articles.
/// </summary>
public sealed class TelegramInlineModeTests : IAsyncLifetime
{
    private TelegramChatHost host = null!;
    private int queries;

    public async Task InitializeAsync() => host = await TelegramChatHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_tag_lists_its_posted_notes_as_articles_with_the_paper_and_the_channel_post()
    {
        await host.ImportSampleAndPostAsync();

        var answer = await AskAsync("Video_Segmentation");

        var article = Assert.Single(Results(answer));
        var content = article["input_message_content"]!;
        Assert.Equal("article", (string?)article["type"]);
        Assert.Equal("SAM 2: Segment Anything in Images and Videos", (string?)article["title"]);
        Assert.Equal("Nikhila Ravi, Valentin Gabeur, Yuan-Ting Hu et al. · 2024-07-30", (string?)article["description"]);
        Assert.Equal("https://ai.meta.com/blog/segment-anything-2", (string?)article["url"]);
        Assert.Equal(
            "<b>SAM 2: Segment Anything in Images and Videos</b>\nNikhila Ravi, Valentin Gabeur, Yuan-Ting Hu et al. · 2024-07-30\n"
            + "<a href=\"https://ai.meta.com/blog/segment-anything-2\">https://ai.meta.com/blog/segment-anything-2</a>\n"
            + "<a href=\"https://t.me/digest_channel/2\">DigestBot post</a>",
            (string?)content["message_text"]);
        Assert.Equal("Html", (string?)content["parse_mode"]);
        Assert.Equal("https://ai.meta.com/blog/segment-anything-2", (string?)content["link_preview_options"]?["url"]);
        Assert.Equal("30", answer.Parameters["cache_time"]?.ToString());
        Assert.Null(answer.Parameters["next_offset"]);
        Assert.Equal(200, answer.StatusCode);
    }

    [Fact]
    public async Task A_Korean_reader_shares_an_article_whose_post_link_reads_in_Korean()
    {
        await host.ImportSampleAndPostAsync();

        var answer = await AskAsync("video-segmentation", languageCode: "ko");

        var text = (string?)Assert.Single(Results(answer))["input_message_content"]!["message_text"];
        Assert.EndsWith("<a href=\"https://t.me/digest_channel/2\">DigestBot 게시물</a>", text);
    }

    [Fact]
    public async Task Korean_words_find_notes_by_their_commentary()
    {
        await host.ImportSampleAndPostAsync();

        var answer = await AskAsync("비디오");

        Assert.Equal(["SAM 2: Segment Anything in Images and Videos"], Results(answer).Select(r => (string?)r["title"]));
    }

    [Fact]
    public async Task Tag_matches_come_first_then_what_the_search_finds_each_note_once()
    {
        await host.QueueAsync(
            NoteFactory.Paper("Mentions rlhf only in its commentary", "2501.00001", commentary: "A note about rlhf."),
            NoteFactory.Paper("Tagged rlhf", "2501.00002", tags: ["rlhf"], commentary: "Also says rlhf."));
        await host.PostAllQueuedAsync();

        var answer = await AskAsync("rlhf");

        Assert.Equal(["Tagged rlhf", "Mentions rlhf only in its commentary"], Results(answer).Select(r => (string?)r["title"]));
        Assert.Equal("https://arxiv.org/abs/2501.00002", (string?)Results(answer)[0]["url"]);
    }

    [Fact]
    public async Task Twenty_five_matches_come_in_two_pages_through_next_offset()
    {
        await host.QueueAsync([.. Enumerable.Range(1, 25).Select(i => NoteFactory.Paper($"Paging paper {i:00}", $"2502.{i:00000}", tags: ["paging"]))]);
        await host.PostAllQueuedAsync();

        var first = await AskAsync("paging");
        var second = await AskAsync("paging", (string?)first.Parameters["next_offset"] ?? "");

        Assert.Equal(20, Results(first).Count);
        Assert.Equal("20", (string?)first.Parameters["next_offset"]);
        Assert.Equal(5, Results(second).Count);
        Assert.Null(second.Parameters["next_offset"]);
        Assert.Equal(25, Results(first).Concat(Results(second)).Select(r => (string?)r["id"]).Distinct().Count());
    }

    [Fact]
    public async Task Queued_notes_are_never_listed_and_a_query_that_matches_nothing_gets_no_results()
    {
        await host.ImportSampleAndPostAsync();
        await host.QueueAsync(NoteFactory.Paper("Not posted yet", "2503.00001", tags: ["video-segmentation"], commentary: "비디오"));

        var tagged = await AskAsync("video-segmentation");
        var nothing = await AskAsync("no-such-topic-anywhere");

        Assert.DoesNotContain("Not posted yet", Results(tagged).Select(r => (string?)r["title"]));
        Assert.Single(Results(tagged));
        Assert.Empty(Results(nothing));
        Assert.Equal(200, nothing.StatusCode);
    }

    [Fact]
    public async Task An_offset_a_stranger_made_up_starts_from_the_first_page()
    {
        await host.ImportSampleAndPostAsync();

        var madeUp = await AskAsync("llm", "-5; DROP TABLE notes");
        var first = await AskAsync("llm");

        Assert.Equal("Apple Intelligence FoundationLanguage Models", (string?)Results(madeUp)[0]["title"]);
        Assert.Equal(Results(first).Select(r => (string?)r["id"]), Results(madeUp).Select(r => (string?)r["id"]));
        Assert.Equal(200, madeUp.StatusCode);
    }

    [Fact]
    public async Task A_channel_post_carries_Share_and_its_inline_query_lists_that_note_first()
    {
        await host.QueueAsync(
            NoteFactory.Paper("Shared paper", "2504.00001", tags: ["llm"]),
            NoteFactory.Paper("A later paper that builds on 2504.00001", "2504.00002", tags: ["llm"], commentary: "Builds on 2504.00001."));
        await host.Services.GetRequiredService<Publisher>().PublishNextAsync(2, default);
        var posts = host.Telegram.Calls.Where(c => c.Method == "sendMessage" && c.ChatId == TelegramChatHost.Channel).ToList();

        var share = posts.Select(p => p.Parameters["reply_markup"]?["inline_keyboard"]?[0]?[0]).ToList();
        Assert.Equal(["Share", "Share"], share.Select(b => (string?)b?["text"]));
        Assert.Equal(["2504.00001", "2504.00002"], share.Select(b => (string?)b?["switch_inline_query"]));

        var answer = await AskAsync((string)share[0]!["switch_inline_query"]!);
        Assert.Equal("Shared paper", (string?)Results(answer)[0]["title"]);
    }

    [Fact]
    public async Task A_note_without_an_arXiv_id_is_shared_by_its_paper_link_and_only_the_post_s_first_message_has_the_button()
    {
        var note = NoteFactory.Paper("Long blog paper", commentary: string.Join("\n\n", Enumerable.Repeat(new string('가', 3000), 3))) with
        {
            Links = ["https://ai.meta.com/blog/long-paper"],
        };
        await host.QueueAsync(note, NoteFactory.Paper("Other paper citing https://ai.meta.com/blog/long-paper", "2504.00003", commentary: "See https://ai.meta.com/blog/long-paper"));
        await host.Services.GetRequiredService<Publisher>().PublishNextAsync(2, default);
        var parts = host.Telegram.Calls.Where(c => c.Method == "sendMessage" && c.ChatId == TelegramChatHost.Channel && (c.Text!.Contains("Long blog paper", StringComparison.Ordinal) || c.ReplyToMessageId is not null)).ToList();

        Assert.True(parts.Count > 1);
        Assert.Equal("https://ai.meta.com/blog/long-paper", (string?)parts[0].Parameters["reply_markup"]?["inline_keyboard"]?[0]?[0]?["switch_inline_query"]);
        Assert.All(parts.Skip(1), p => Assert.Null(p.Parameters["reply_markup"]));

        var answer = await AskAsync("https://ai.meta.com/blog/long-paper");
        Assert.Equal(["Long blog paper", "Other paper citing https://ai.meta.com/blog/long-paper"], Results(answer).Select(r => (string?)r["title"]));
    }

    private async Task<FakeTelegramCall> AskAsync(string query, string offset = "", string? languageCode = null)
    {
        var before = host.Telegram.Calls.Count(c => c.Method == "answerInlineQuery");
        var id = $"iq-{++queries}";
        var update = TelegramUpdates.InlineQuery(id, TelegramChatHost.Reader, query, offset);
        if (languageCode is not null)
        {
            update["inline_query"]!["from"]!["language_code"] = languageCode;
        }

        host.Telegram.EnqueueUpdate(update);
        await host.Until(() => host.Telegram.Calls.Count(c => c.Method == "answerInlineQuery") > before, $"the answer to inline query “{query}”");
        var answer = host.Telegram.Calls.Where(c => c.Method == "answerInlineQuery").ElementAt(before);
        Assert.Equal(id, (string?)answer.Parameters["inline_query_id"]);
        return answer;
    }

    private static List<JsonNode> Results(FakeTelegramCall answer) => [.. answer.Parameters["results"]!.AsArray().Select(r => r!)];
}
