using CsCheck;
using DigestBot.Formatting;
using DigestBot.Formatting.Slack;
using DigestBot.Formatting.Telegram;
using DigestBot.Notes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DigestBot.Tests.Formatting;

/// <summary>Every note is rendered for every platform before it is stored; the ones that cannot be posted say why.</summary>
public sealed class NoteRenderCheckTests
{
    private static NoteRenderCheck Check(int maxMessages = 10) => new(Options.Create(new NotesOptions { MaxMessages = maxMessages }));

    private static Note Korean(string commentary, string title = "비디오 분할 모델") => NoteFactory.Paper(title, "2408.00714", commentary: commentary) with
    {
        Abstract = "We present Segment Anything Model 2 (SAM 2), a foundation model towards solving promptable visual segmentation.",
    };

    [Fact]
    public void Every_sample_note_can_be_posted()
    {
        var check = Check();

        Assert.All(SampleDigest.Notes(), note => Assert.Null(check.Problem(note)));
    }

    [Fact]
    public void Commentary_nested_too_deeply_for_markdig_is_refused_and_the_next_note_still_renders()
    {
        var check = Check();

        var quote = check.Problem(Korean("앞의 문장.\n" + PoisonNotes.DeepQuote, "인용"));
        var emphasis = check.Problem(Korean(PoisonNotes.DeepEmphasis, "강조"));
        var next = check.Problem(Korean("SAM 2가 나왔군요. **비디오**에 대한 확장입니다."));

        Assert.Equal(PoisonNotes.Sentence("인용", PoisonNotes.TooDeep), quote);
        Assert.Equal(PoisonNotes.Sentence("강조", PoisonNotes.TooDeep), emphasis);
        Assert.Null(next);
    }

    [Fact]
    public void Three_megabytes_of_commentary_is_refused_with_the_number_of_messages_it_would_need()
    {
        var note = Korean(PoisonNotes.Huge);
        var parts = new TelegramNoteRenderer().Render(note).Count;

        var problem = Check().Problem(note);

        Assert.True(parts > 100, $"{parts} parts");
        Assert.Equal(
            $"the note \"비디오 분할 모델\" would need {parts} Telegram messages (the limit is Notes:MaxMessages = 10); shorten its commentary or abstract.",
            problem);
    }

    [Fact]
    public void A_note_may_take_exactly_the_messages_the_limit_allows_and_not_one_more()
    {
        var note = Korean(string.Join("\n\n", Enumerable.Repeat("긴 코멘트 문단입니다. 데이터 엔진과 메모리 모듈을 설명합니다.", 300)));
        var parts = new TelegramNoteRenderer().Render(note).Count;

        Assert.InRange(parts, 3, 10);
        Assert.Null(Check(maxMessages: parts).Problem(note));
        Assert.Equal(
            $"the note \"비디오 분할 모델\" would need {parts} Telegram messages (the limit is Notes:MaxMessages = {parts - 1}); shorten your reply.",
            Check(maxMessages: parts - 1).Problem(note, "your reply"));
        Assert.True(new SlackNoteRenderer().RenderThread(note).Count <= parts);
    }

    [Fact]
    public void Rendering_from_the_one_parse_both_platforms_share_gives_the_messages_each_renders_alone_and_the_count_is_theirs()
    {
        var severalMessages = 0;
        RandomNotes.Notes.Sample(
            note =>
            {
                var commentary = CommentaryMarkdown.Parse(note.Commentary);
                var telegram = new TelegramNoteRenderer().Render(note);
                Assert.Equal(telegram, new TelegramNoteRenderer().Render(note, commentary));
                Assert.Equal(telegram.Count, new TelegramNoteRenderer().CountMessages(note, commentary));
                Assert.Equal(Json(new SlackNoteRenderer().RenderThread(note)), Json(new SlackNoteRenderer().RenderThread(note, commentary)));
                severalMessages += telegram.Count > 1 ? 1 : 0;
            },
            iter: 1000,
            threads: 1,
            print: RandomNotes.Describe);

        Assert.True(severalMessages > 10, $"only {severalMessages} random notes took more than one message");
    }

    [Fact]
    public void A_long_title_is_cut_in_the_sentence()
    {
        var title = string.Concat(Enumerable.Repeat("아주 긴 제목 ", 40));

        var problem = Check().Problem(Korean(PoisonNotes.DeepEmphasis, title));

        Assert.StartsWith($"the note \"{title[..79]}…\" cannot be rendered", problem);
    }

    private static IEnumerable<string> Json(IEnumerable<SlackMessage> messages) =>
        messages.Select(m => System.Text.Json.JsonSerializer.Serialize(m, SlackJsonContext.Readable.SlackMessage));

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    public void Notes_MaxMessages_out_of_range_stops_the_start_with_the_key_and_value(string value)
    {
        using var folder = new TempFolder();
        using var services = TestServices.Create(folder, new Dictionary<string, string?> { ["Notes:MaxMessages"] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<NotesOptions>>().Value);

        Assert.Equal($"Notes:MaxMessages '{value}' must be between 1 and 100: the most messages one note may take on a platform (10 by default).", error.Message);
    }

    [Fact]
    public void Notes_MaxMessages_is_read_from_configuration_and_defaults_to_10()
    {
        using var folder = new TempFolder();
        using var set = TestServices.Create(folder, new Dictionary<string, string?> { ["Notes:MaxMessages"] = "3" });
        using var unset = TestServices.Create(folder);

        Assert.Equal(3, set.GetRequiredService<IOptions<NotesOptions>>().Value.MaxMessages);
        Assert.Equal(10, unset.GetRequiredService<IOptions<NotesOptions>>().Value.MaxMessages);
    }
}
