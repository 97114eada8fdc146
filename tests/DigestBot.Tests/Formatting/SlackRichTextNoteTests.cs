using System.Text.Json;
using DigestBot.Formatting;
using DigestBot.Formatting.Slack;
using DigestBot.Formatting.Slack.Blocks;
using DigestBot.Notes;

namespace DigestBot.Tests.Formatting;

/// <summary>Notes written to break a Slack payload: every one must stay valid rich text, complete, and silent.</summary>
public sealed class SlackRichTextNoteTests
{
    public static TheoryData<string> Hostile =>
    [
        "<!channel> <!here> <!everyone> <@U123> <@U123|boss> <#C1|general> <!subteam^S1> <!date^1392734382^{date}|x>",
        "@channel @here @everyone @Channel",
        "*bold* _italic_ ~strike~ `code` ```pre``` > quote &gt; &amp; & < > <https://evil.example|click>",
        "**굵게**가 _기울임_이 ~~취소~~를 `코드`를 [링크](https://e.com/a_b*c)를",
        "- <!channel>\n  - *nested* `<@U1>`\n\n> <!here> **인용**이\n\n```\n<!channel> *not bold*\n```",
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Markers_and_mentions_in_a_note_are_literal_text_that_pings_nobody(string hostile)
    {
        var note = new Note { Title = hostile, Authors = [hostile], Abstract = hostile, Commentary = hostile, Links = ["https://arxiv.org/abs/2408.00714"] };

        var json = RenderPayloads.SlackJsonLines(note, "C1").Single();

        Assert.Null(NoteChecks.SlackProblems(note));
        using var payload = JsonDocument.Parse(json);
        var types = RichTextElementTypes(payload.RootElement).Distinct().ToList();
        Assert.Subset(new HashSet<string> { "text", "link" }, types.ToHashSet());
        Assert.DoesNotContain("\"url\":\"https://evil.example", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_channel_mention_in_the_commentary_is_text_not_a_broadcast()
    {
        var note = new Note { Title = "T", Commentary = "모두 <!channel> 보세요" };

        var commentary = new SlackNoteRenderer().Render(note).Blocks.OfType<RichTextBlock>().Single();

        var run = Assert.IsType<RichTextText>(Assert.Single(Assert.IsType<RichTextSection>(Assert.Single(commentary.Elements)).Elements));
        Assert.Equal("모두 <!channel> 보세요", run.Text);
    }

    [Fact]
    public void A_block_of_many_tiny_styled_runs_is_cut_before_its_hundredth_element()
    {
        var note = new Note { Title = "Runs", Commentary = string.Concat(Enumerable.Range(0, 400).Select(i => $"*{i}* ")) };

        var blocks = new SlackNoteRenderer().Render(note).Blocks.OfType<RichTextBlock>().ToList();

        Assert.Null(NoteChecks.SlackProblems(note));
        Assert.True(blocks.Count >= 4, $"{blocks.Count} blocks for 800 runs");
        Assert.All(blocks, b => Assert.InRange(Runs(b), 1, RichTextBlock.MaxInlineElements));
    }

    [Fact]
    public void Lists_nested_deeper_than_Slack_draws_stop_at_the_deepest_indent()
    {
        var lines = Enumerable.Range(0, 12).Select(depth => new string(' ', 2 * depth) + $"- level {depth}");
        var note = new Note { Title = "Deep", Commentary = string.Join("\n", lines) };

        var lists = new SlackNoteRenderer().Render(note).Blocks.OfType<RichTextBlock>().SelectMany(b => b.Elements).OfType<RichTextList>().ToList();

        Assert.Null(NoteChecks.SlackProblems(note));
        Assert.Equal(Enumerable.Range(0, 12).Select(depth => Math.Min(depth, RichTextList.MaxIndent)), lists.Select(l => l.Indent));
    }

    [Fact]
    public void A_note_past_forty_thousand_characters_continues_in_the_thread_and_loses_nothing()
    {
        var note = new Note
        {
            Title = "Long",
            Abstract = string.Concat(Enumerable.Repeat("초록 문장입니다. ", 3000)),
            Commentary = string.Join("\n\n", Enumerable.Range(0, 20).Select(i => $"**문단 {i}**은 " + string.Concat(Enumerable.Repeat("긴 설명. ", 200)))),
        };

        var messages = new SlackNoteRenderer().RenderThread(note);

        Assert.Null(NoteChecks.SlackProblems(note));
        Assert.True(messages.Count >= 2, $"{messages.Count} messages");
        Assert.All(messages.Skip(1), m => Assert.Equal(0, m.ReplyToPart));
    }

    private static int Runs(RichTextBlock block) =>
        block.Elements.Sum(o => o switch
        {
            RichTextSection s => s.Elements.Count,
            RichTextQuote q => q.Elements.Count,
            RichTextPreformatted p => p.Elements.Count,
            RichTextList l => l.Elements.Sum(i => ((RichTextSection)i).Elements.Count),
            _ => 0,
        });

    private static IEnumerable<string> RichTextElementTypes(JsonElement payload)
    {
        foreach (var block in payload.GetProperty("blocks").EnumerateArray().Where(b => b.GetProperty("type").GetString() == "rich_text"))
        {
            foreach (var obj in block.GetProperty("elements").EnumerateArray())
            {
                var runs = obj.GetProperty("type").GetString() == "rich_text_list"
                    ? obj.GetProperty("elements").EnumerateArray().SelectMany(i => i.GetProperty("elements").EnumerateArray())
                    : obj.GetProperty("elements").EnumerateArray();
                foreach (var run in runs)
                {
                    yield return run.GetProperty("type").GetString()!;
                }
            }
        }
    }
}
