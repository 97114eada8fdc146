using DigestBot.Chat;
using DigestBot.Storage;
using DigestBot.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Tests.Chat;

public sealed class CuratingCommandsTests : DatabaseTests
{
    private Task<ChatReply?> Ask(string text, bool curator) =>
        services.GetRequiredService<ChatCommandHandler>().HandleAsync(new ChatMessage(ChatPlatform.Console, "chat", "user", text, curator), default);

    [Fact]
    public async Task Withdraw_and_requeue_are_for_curators_and_each_bad_input_gets_one_sentence_and_changes_nothing()
    {
        await services.GetRequiredService<NoteStore>().ImportAsync([NoteFactory.Paper("한국어 논문", "2401.00001"), NoteFactory.Paper("B", "2401.00002")], default);

        var stranger = await Ask("/withdraw 1", curator: false);
        var which = await Ask("/withdraw", curator: true);
        var unknown = await Ask("/requeue 99", curator: true);
        var notWithdrawn = await Ask("/requeue 1", curator: true);

        Assert.Equal("Sorry, /withdraw is for the channel's curators.", stranger!.Heading);
        Assert.Equal("Which note? Send /withdraw with its id, e.g. /withdraw 12.", which!.Heading);
        Assert.Equal(["There is no note 99.", "Check the id: /queue lists the queued notes with theirs."], [unknown!.Heading, .. unknown.Lines]);
        Assert.Equal("“한국어 논문” (note 1) is not withdrawn, so there is nothing to requeue.", notWithdrawn!.Heading);
        Assert.True(which.NotFound && unknown.NotFound && notWithdrawn.NotFound);
        Assert.Equal(2, (await services.GetRequiredService<NoteStore>().QueuedAsync(default)).Count);
    }

    [Fact]
    public async Task A_curator_withdraws_and_requeues_a_queued_note_and_hears_it_in_their_language()
    {
        await services.GetRequiredService<NoteStore>().ImportAsync([NoteFactory.Paper("한국어 논문", "2401.00001"), NoteFactory.Paper("B", "2401.00002")], default);

        var withdrawn = await Ask("/withdraw 1", curator: true);
        var twice = await Ask("/withdraw 1", curator: true);
        ChatText.Language = ChatLanguage.Korean;
        var requeued = await Ask("/requeue 1", curator: true);

        Assert.Equal("“한국어 논문” (note 1) left the queue; /requeue 1 puts it back at the end.", withdrawn!.Heading);
        Assert.Equal("“한국어 논문” (note 1) is withdrawn already; /requeue 1 puts it back in the queue.", twice!.Heading);
        Assert.Equal("“한국어 논문”(노트 1)을 다시 대기열에 넣었어요. 2번째 순서예요.", requeued!.Heading);
        Assert.Equal(["B", "한국어 논문"], (await services.GetRequiredService<NoteStore>().QueuedAsync(default)).Select(n => n.Note.Title));
    }
}
