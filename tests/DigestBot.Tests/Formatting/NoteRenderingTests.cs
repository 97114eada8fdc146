using System.Text;
using DigestBot.Formatting;
using DigestBot.Formatting.Plain;
using DigestBot.Formatting.Slack;
using DigestBot.Formatting.Slack.Blocks;
using DigestBot.Formatting.Telegram;
using DigestBot.Notes;

namespace DigestBot.Tests.Formatting;

public sealed class NoteRenderingTests
{
    private static Note Sam2 => SampleDigest.Notes().Single(n => n.Title.StartsWith("SAM 2", StringComparison.Ordinal));

    [Fact]
    public void Every_sample_note_renders_validly_and_completely()
    {
        var notes = SampleDigest.Notes();

        Assert.Equal(6, notes.Count);
        Assert.All(notes, note => Assert.Null(NoteChecks.Problems(note)));
    }

    [Fact]
    public void Telegram_message_follows_the_design()
    {
        var parts = new TelegramNoteRenderer().Render(Sam2);

        var part = Assert.Single(parts);
        Assert.StartsWith("<b>SAM 2: Segment Anything in Images and Videos</b>\n<i>Nikhila Ravi, Valentin Gabeur, ", part.Html);
        Assert.Contains("Christoph Feichtenhofer</i>\n<blockquote expandable>We present Segment Anything Model 2", part.Html);
        Assert.Contains("</blockquote>\n<a href=\"https://ai.meta.com/blog/segment-anything-2\">ai.meta.com/blog/segment-anything-2</a>\n\nSAM 2가 나왔군요.", part.Html);
        Assert.EndsWith("\n\n#video_segmentation", part.Html);
        Assert.Equal("https://ai.meta.com/blog/segment-anything-2", part.PreviewUrl);
        Assert.Null(part.ReplyToPart);
    }

    [Fact]
    public void Bare_links_in_parentheses_become_links_and_keep_the_parenthesis()
    {
        var apple = SampleDigest.Notes()[0];

        var html = new TelegramNoteRenderer().Render(apple)[0].Html;
        var commentary = new SlackNoteRenderer().Render(apple).Blocks.OfType<RichTextBlock>().Last();
        var runs = commentary.Elements.OfType<RichTextSection>().SelectMany(s => s.Elements).ToList();
        var link = runs.FindIndex(e => e is RichTextLink { Url: "https://arxiv.org/abs/2005.09814" });

        Assert.Contains("(<a href=\"https://arxiv.org/abs/2406.04638\">https://arxiv.org/abs/2406.04638</a>) 수학", html);
        Assert.True(link > 0, "the bare link is a link element");
        Assert.Equal("https://arxiv.org/abs/2005.09814", runs[link].Text);
        Assert.EndsWith("(", runs[link - 1].Text);
        Assert.StartsWith(") Leave", runs[link + 1].Text);
    }

    [Fact]
    public void Slack_message_follows_the_design()
    {
        var message = new SlackNoteRenderer().Render(Sam2);

        Assert.Equal("SAM 2: Segment Anything in Images and Videos\nhttps://ai.meta.com/blog/segment-anything-2", message.Text);
        Assert.False(message.UnfurlLinks);
        Assert.Collection(
            message.Blocks,
            b => Assert.Equal("SAM 2: Segment Anything in Images and Videos", Assert.IsType<HeaderBlock>(b).Text.Text),
            b => Assert.StartsWith("Nikhila Ravi, ", Assert.IsType<PlainText>(Assert.Single(Assert.IsType<ContextBlock>(b).Elements)).Text),
            b => Assert.StartsWith("We present Segment Anything Model 2", FirstText(b)),
            b => Assert.StartsWith("SAM 2가 나왔군요.", FirstText(b)),
            b => Assert.Equal("#video-segmentation", Assert.IsType<PlainText>(Assert.Single(Assert.IsType<ContextBlock>(b).Elements)).Text),
            b => Assert.Equal("https://ai.meta.com/blog/segment-anything-2", Assert.Single(Assert.IsType<ActionsBlock>(b).Elements).Url));
    }

    [Fact]
    public void Slack_header_cuts_a_long_title_and_repeats_it_whole()
    {
        var title = string.Concat(Enumerable.Repeat("긴 제목 👩‍💻 ", 30));
        var message = new SlackNoteRenderer().Render(Sam2 with { Title = title });

        var header = Assert.IsType<HeaderBlock>(message.Blocks[0]).Text.Text;
        Assert.True(header.Length <= 150);
        Assert.EndsWith("…", header);
        Assert.Equal($"*{title.Trim()}*", Assert.IsType<SectionBlock>(message.Blocks[1]).Text.Text);
    }

    [Fact]
    public void A_note_cannot_ping_link_or_inject_markup()
    {
        var note = new Note
        {
            Title = "<!channel> <b>Title</b> @here",
            Authors = ["<@U123>", "@everyone", "A & B"],
            Abstract = "<a href=\"https://evil.example\">click</a> <https://evil.example|click> &amp;",
            Links = ["javascript:alert(1)"],
            Commentary = "<!here> <script>alert(1)</script> [x](tg://user?id=1) @channel",
            Tags = ["c++"],
        };

        var html = string.Concat(new TelegramNoteRenderer().Render(note).Select(p => p.Html));
        var slack = string.Concat(RenderPayloads.SlackJsonLines(note, "C1"));

        Assert.Null(NoteChecks.Problems(note));
        Assert.DoesNotContain("<a", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("actions", slack);
        Assert.DoesNotContain("\"url\":\"https://evil.example", slack);
        Assert.Contains("<https://evil.example|click>", slack);
    }

    [Fact]
    public void A_long_note_with_emoji_is_split_validly_and_completely()
    {
        var note = LongNote();

        var parts = new TelegramNoteRenderer().Render(note);
        var slack = new SlackNoteRenderer().RenderThread(note);

        Assert.Null(NoteChecks.Problems(note));
        Assert.True(parts.Count >= 4, $"{parts.Count} Telegram parts");
        Assert.All(parts.Skip(1), p => Assert.Equal((0, (string?)null), (p.ReplyToPart!.Value, p.PreviewUrl)));
        Assert.All(parts, p => Assert.InRange(p.VisibleLength, 1, 4096));
        Assert.True(parts.Count(p => p.Html.Contains("<blockquote expandable>")) >= 3, "the abstract continues in quotes");
        Assert.True(Assert.Single(slack).Blocks.OfType<RichTextBlock>().Count() >= 6);
    }

    /// <summary>The first run of a rich text block, which holds the abstract or the commentary.</summary>
    private static string FirstText(Block block) =>
        Assert.IsType<RichTextSection>(Assert.IsType<RichTextBlock>(block).Elements[0]).Elements[0].Text;

    [Fact]
    public void Writes_the_sample_output_for_review()
    {
        var output = new StringBuilder();
        output.AppendLine("== Telegram ==");
        foreach (var line in RenderPayloads.TelegramJsonLines(Sam2, "@digest"))
        {
            output.AppendLine(line);
        }

        foreach (var part in new TelegramNoteRenderer().Render(Sam2))
        {
            output.AppendLine(part.Html);
        }

        output.AppendLine("== Slack ==");
        foreach (var line in RenderPayloads.SlackJsonLines(Sam2, "C0123"))
        {
            output.AppendLine(line);
        }

        output.AppendLine("== Console ==").Append(ConsoleNoteFormatter.Format(Sam2));
        var path = Path.Combine(Path.GetTempPath(), "digestbot-sam2-render.txt");
        File.WriteAllText(path, output.ToString());

        Assert.Contains("\"parse_mode\":\"HTML\"", output.ToString());
        Assert.Contains("SAM 2가 나왔군요", output.ToString());
    }

    internal static Note LongNote()
    {
        var sentence = "SAM 2 extends promptable segmentation to video with a streaming memory 🎥👩‍💻. 한국어 문장도 들어갑니다. ";
        var abstractText = new StringBuilder();
        while (abstractText.Length < 10_000)
        {
            abstractText.Append(sentence);
        }

        var commentary = new StringBuilder();
        var paragraph = 0;
        while (commentary.Length < 6_000)
        {
            commentary.Append($"Paragraph {++paragraph} with **bold 🇰🇷**, a link (https://arxiv.org/abs/2408.{paragraph:D5}) and `code` 🧑‍🤝‍🧑. ");
            commentary.Append(paragraph % 5 == 0 ? "\n\n- item one\n- item two\n\n" : "\n");
        }

        return new Note
        {
            Title = "A very long note 📚",
            Authors = ["Nikhila Ravi", "Valentin Gabeur"],
            Abstract = Cut(abstractText.ToString(), 10_000),
            Links = ["https://arxiv.org/abs/2408.00714"],
            Commentary = Cut(commentary.ToString(), 6_000),
            Tags = ["video-segmentation", "llm"],
        };
    }

    private static string Cut(string text, int length) =>
        char.IsHighSurrogate(text[length - 1]) ? text[..(length - 1)] : text[..length];
}
