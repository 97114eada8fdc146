using System.Globalization;
using DigestBot.Storage;

namespace DigestBot.Chat;

/// <summary>
/// The ▲ ▼ Next Withdraw buttons of a curator's <c>/queue</c>, the same on every platform: a press from a curator in a
/// private answer, on a listing that shows the queue as it is, moves or withdraws the note through the same
/// <see cref="CuratingCommands"/> as <c>/move</c>, <c>/next</c> and <c>/withdraw</c>, and the answer carries the queue as
/// it is afterwards. Anything else gets one sentence and changes nothing.
/// </summary>
internal sealed class QueueControls(Conversation conversation, CuratingCommands curating, NoteStore store) : IDisposable
{
    // One press at a time, so two presses on the same listing cannot both pass the version check before either acts.
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<QueuePressAnswer> PressAsync(ChatMessage asker, QueuePress press, CancellationToken ct)
    {
        ChatText.Language = conversation.LanguageOf(asker);
        if (!asker.FromCurator)
        {
            return new QueuePressAnswer(ChatText.Get(ChatTextKey.QueueButtonCuratorsOnly), null);
        }

        if (asker.Kind != ChatKind.Private)
        {
            return new QueuePressAnswer(LimitTexts.QueueInPrivate, null);
        }

        await gate.WaitAsync(ct);
        try
        {
            var queue = (await store.QueuedIdsAsync(ct)).Select(q => q.Id).ToList();
            var (sentence, outdated) = QueueListingVersion.Of(queue) != press.Version
                ? (ChatText.Get(ChatTextKey.QueueChanged), true)
                : await ActAsync(asker, press, queue, ct);
            return new QueuePressAnswer(sentence, await ListingAsync(asker, ct), outdated);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    /// <returns>The sentence, and whether the queue changed.</returns>
    private async Task<(string Sentence, bool Changed)> ActAsync(ChatMessage asker, QueuePress press, List<long> queue, CancellationToken ct)
    {
        var index = queue.IndexOf(press.NoteId);
        var id = press.NoteId.ToString(CultureInfo.InvariantCulture);
        if (index < 0)
        {
            return (await NotQueuedAsync(press.NoteId, ct), false);
        }

        var who = $"{asker.Platform.Name()}:{asker.UserId}";
        var first = index == 0;
        var last = index == queue.Count - 1;
        var reply = press.Move switch
        {
            QueueMove.Up or QueueMove.Next when first => null,
            QueueMove.Down when last => null,
            QueueMove.Up => await curating.MoveAsync(string.Create(CultureInfo.InvariantCulture, $"{id} {index}"), who, ct),
            QueueMove.Down => await curating.MoveAsync(string.Create(CultureInfo.InvariantCulture, $"{id} {index + 2}"), who, ct),
            QueueMove.Next => await curating.NextAsync(id, who, ct),
            _ => await curating.WithdrawAsync(id, who, ct),
        };
        if (reply is not null)
        {
            // The commands mark what they refused, having changed nothing.
            return (reply.Heading, !reply.NotFound);
        }

        var title = (await store.FindAsync(press.NoteId, ct))?.Note.Title ?? "";
        return (ChatText.Format(first && press.Move != QueueMove.Down ? ChatTextKey.QueueAlreadyFirst : ChatTextKey.QueueAlreadyLast, title, press.NoteId), false);
    }

    /// <summary>A button naming a note the queue does not hold: only a made-up press gets here with an up-to-date version.</summary>
    private async Task<string> NotQueuedAsync(long id, CancellationToken ct)
    {
        if (await store.FindAsync(id, ct) is not { } note)
        {
            return ChatText.Format(ChatTextKey.NoSuchNote, id);
        }

        return await store.IsWithdrawnAsync(id, ct)
            ? ChatText.Format(ChatTextKey.AlreadyWithdrawn, note.Note.Title, id)
            : ChatText.Format(ChatTextKey.QueueButtonNotQueued, note.Note.Title, id);
    }

    /// <summary>The queue as <c>/queue</c> shows it to this curator, buttons and all.</summary>
    private async Task<ChatReply?> ListingAsync(ChatMessage asker, CancellationToken ct) =>
        (await conversation.HandleAsync(asker with { Text = "/queue" }, ct))?.Reply;
}
