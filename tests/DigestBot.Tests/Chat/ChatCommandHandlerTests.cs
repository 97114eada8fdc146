using DigestBot.Chat;
using DigestBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Tests.Chat;

public sealed class ChatCommandHandlerTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly ServiceProvider services;
    private readonly ChatCommandHandler handler;
    private readonly NoteStore store;

    public ChatCommandHandlerTests()
    {
        services = TestServices.Create(folder);
        handler = services.GetRequiredService<ChatCommandHandler>();
        store = services.GetRequiredService<NoteStore>();
    }

    public void Dispose()
    {
        services.Dispose();
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    private Task<ChatReply?> Ask(string text, bool curator) =>
        handler.HandleAsync(new ChatMessage(ChatPlatform.Console, "chat", "user", text, curator), default);

    [Fact]
    public async Task Everyone_else_sees_only_posted_notes_and_curators_also_see_queued_ones()
    {
        await store.ImportAsync([NoteFactory.Paper("Queued", tags: ["llm"])], default);

        var reader = await Ask("/tag llm", curator: false);
        var curator = await Ask("/tag llm", curator: true);

        Assert.True(reader!.NotFound);
        Assert.Equal(["Queued"], curator!.Notes.Select(n => n.Title));
        Assert.True(curator.Notes[0].Queued);
        Assert.NotNull(curator.Notes[0].Slot);
    }

    [Fact]
    public async Task A_search_past_the_count_limit_says_more_than_and_still_pages()
    {
        await store.ImportAsync(Enumerable.Range(0, NoteStore.SearchCountLimit + 1).Select(i => NoteFactory.Paper($"Paper {i}", commentary: "모델")).ToList(), default);
        await store.ImportAsync([NoteFactory.Paper("Other", commentary: "모델")], default);

        var reply = await Ask("/search 모델", curator: true);
        var exact = await Ask("/search Other", curator: true);

        Assert.Equal("“모델”: more than 1000 notes", reply!.Heading);
        Assert.Equal(("Other", 1), (reply.Notes[0].Title, reply.Page));
        Assert.True(reply.PageCount > 1);
        Assert.Equal("“Other”: 1 note", exact!.Heading);
    }

    [Fact]
    public async Task Queue_is_refused_politely_to_non_curators()
    {
        await store.ImportAsync([NoteFactory.Paper("Secret plan")], default);

        var reply = await Ask("/queue", curator: false);

        Assert.Contains("for the channel's curators", reply!.Heading, StringComparison.Ordinal);
        Assert.Empty(reply.Notes);
    }

    [Fact]
    public async Task Queue_lists_notes_in_posting_order_with_successive_slots()
    {
        await store.ImportAsync([NoteFactory.Paper("First"), NoteFactory.Paper("Second"), NoteFactory.Paper("Third")], default);

        var reply = await Ask("/queue", curator: true);

        Assert.Equal(["First", "Second", "Third"], reply!.Notes.Select(n => n.Title));
        var slots = reply.Notes.Select(n => n.Slot!.Value).ToList();
        // NotesPerSlot is 1 and the default cron is daily at 09:00 UTC; the fake clock starts 2026-03-01 08:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero), slots[0]);
        Assert.Equal(slots[0].AddDays(1), slots[1]);
        Assert.Equal(slots[0].AddDays(2), slots[2]);
    }

    [Fact]
    public async Task Long_lookups_are_paged_ten_at_a_time()
    {
        await store.ImportAsync(Enumerable.Range(1, 25).Select(i => NoteFactory.Paper($"Paper {i:00}", tags: ["many"])).ToList(), default);

        var first = await Ask("/tag many", curator: true);
        var third = await Ask("/tag many 3", curator: true);

        Assert.Equal(3, first!.PageCount);
        Assert.Equal(10, first.Notes.Count);
        Assert.Equal(3, third!.Page);
        Assert.Equal(5, third.Notes.Count);
        Assert.Empty(first.Notes.Select(n => n.Id).Intersect(third.Notes.Select(n => n.Id)));
        Assert.Equal("/tag many", first.PageCommand);
    }

    [Fact]
    public async Task An_unknown_tag_suggests_the_closest_tags()
    {
        await store.ImportAsync([NoteFactory.Paper("A", tags: ["video-segmentation"]), NoteFactory.Paper("B", tags: ["llm"])], default);

        var reply = await Ask("/tag video_segmentaton", curator: true);

        Assert.True(reply!.NotFound);
        Assert.Contains("#video-segmentation", reply.Lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("#llm", reply.Lines[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/tag", "Which tag?")]
    [InlineData("/search", "Search for what?")]
    [InlineData("/frobnicate", "I don't know the command /frobnicate.")]
    public async Task Missing_arguments_and_unknown_commands_say_what_to_do(string text, string expected)
    {
        var reply = await Ask(text, curator: true);

        Assert.StartsWith(expected, reply!.Heading, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_shows_curator_commands_only_to_curators()
    {
        var reader = await Ask("/start", curator: false);
        var curator = await Ask("/help", curator: true);

        Assert.DoesNotContain(reader!.Lines, l => l.StartsWith("/queue", StringComparison.Ordinal));
        Assert.Contains(curator!.Lines, l => l.StartsWith("/queue", StringComparison.Ordinal));
        Assert.Contains(reader.Lines, l => l.StartsWith("/tag <name>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plain_text_is_left_to_the_platform()
    {
        Assert.Null(await Ask("just chatting", curator: true));
    }

    [Fact]
    public async Task Retry_and_drop_are_for_curators_and_say_what_was_wrong_with_an_unknown_note_or_destination()
    {
        var queued = (await store.ImportAsync([NoteFactory.Paper("한국어 논문")], default)).Queued;

        var stranger = await Ask($"/retry {queued[0].Id}", curator: false);
        var strangerDrop = await Ask("/drop telegram:@digest_channel", curator: false);
        var unknown = await Ask("/retry 999", curator: true);
        var nothingFailed = await Ask($"/retry {queued[0].Id}", curator: true);
        var notANumber = await Ask("/retry 한국어", curator: true);
        var notPaused = await Ask("/drop telegram:@digest_channel", curator: true);

        Assert.Equal("Sorry, /retry is for the channel's curators.", stranger!.Heading);
        Assert.Equal("Sorry, /drop is for the channel's curators.", strangerDrop!.Heading);
        Assert.Equal("There is no note 999.", unknown!.Heading);
        Assert.Equal($"“한국어 논문” (note {queued[0].Id}) has no failed delivery: nothing to retry.", nothingFailed!.Heading);
        Assert.StartsWith("Which note?", notANumber!.Heading, StringComparison.Ordinal);
        Assert.Equal("telegram:@digest_channel is not a paused destination: nothing was dropped.", notPaused!.Heading);
        Assert.Equal(["No destination is paused now."], notPaused.Lines);
    }

    [Fact]
    public async Task Drop_gives_up_what_waits_for_a_paused_destination_and_queue_stops_listing_it_as_waiting()
    {
        var deliveries = services.GetRequiredService<DeliveryStore>();
        var states = services.GetRequiredService<DestinationStateStore>();
        await store.ImportAsync([NoteFactory.Paper("첫째"), NoteFactory.Paper("둘째")], default);
        var publisher = services.GetRequiredService<DigestBot.Publishing.Publisher>();
        await publisher.TakeAsync(2, null, default);
        await states.PauseAsync("console", "The console is closed.", DateTimeOffset.MaxValue, default);

        var queueBefore = await Ask("/queue", curator: true);
        var dropped = await Ask("/drop console", curator: true);

        Assert.Contains(queueBefore!.Lines, l => l.StartsWith("Paused: console since", StringComparison.Ordinal) && l.Contains("The console is closed.", StringComparison.Ordinal));
        Assert.Equal("Dropped 2 waiting posts for console.", dropped!.Heading);
        Assert.Empty(await deliveries.UnfinishedAsync("console", default));
        Assert.True((await states.GetAsync("console", default)).Paused);
    }
}
