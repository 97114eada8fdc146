using DigestBot.Storage;

namespace DigestBot.Chat;

/// <summary>
/// The ▲ ▼ Next Withdraw buttons of a curator's <c>/queue</c>, the same on every platform: a press from a curator in a
/// private answer, on a listing that shows the queue as it is, moves or withdraws the note through the same
/// <see cref="NoteCuration"/> as <c>/move</c>, <c>/next</c> and <c>/withdraw</c>, and the answer carries the queue as it
/// is afterwards. Anything else gets one sentence and changes nothing.
/// </summary>
internal sealed class QueueControls(Conversation conversation, NoteCuration curation, NoteStore store)
{
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

        // Read here to know the note's place; the change itself checks the version again in its own transaction.
        var queue = (await store.QueuedIdsAsync(ct)).Select(q => q.Id).ToList();
        var (sentence, outdated) = QueueListingVersion.Of(queue) != press.Version
            ? (ChatText.Get(ChatTextKey.QueueChanged), true)
            : await ActAsync(asker, press, queue, ct);
        return new QueuePressAnswer(sentence, await ListingAsync(asker, ct), outdated);
    }

    /// <returns>The sentence, and whether the listing pressed no longer shows the queue.</returns>
    private async Task<(string Sentence, bool Outdated)> ActAsync(ChatMessage asker, QueuePress press, List<long> queue, CancellationToken ct)
    {
        var index = queue.IndexOf(press.NoteId);
        if (index < 0)
        {
            return (await NotQueuedAsync(press.NoteId, ct), false);
        }

        var who = $"{asker.Platform.Name()}:{asker.UserId}";
        var first = index == 0;
        var last = index == queue.Count - 1;
        var result = press.Move switch
        {
            QueueMove.Up or QueueMove.Next when first => null,
            QueueMove.Down when last => null,
            QueueMove.Up => await curation.MoveAsync(press.NoteId, index, who, press.Version, ct),
            QueueMove.Down => await curation.MoveAsync(press.NoteId, index + 2, who, press.Version, ct),
            QueueMove.Next => await curation.MoveAsync(press.NoteId, 1, who, press.Version, ct),
            _ => await curation.WithdrawAsync(press.NoteId, who, press.Version, ct),
        };
        if (result is null)
        {
            var title = (await store.FindAsync(press.NoteId, ct))?.Note.Title ?? "";
            return (ChatText.Format(first && press.Move != QueueMove.Down ? ChatTextKey.QueueAlreadyFirst : ChatTextKey.QueueAlreadyLast, title, press.NoteId), false);
        }

        return result.Outcome switch
        {
            CurationOutcome.Done => (Done(press, result), true),
            CurationOutcome.QueueChanged => (ChatText.Get(ChatTextKey.QueueChanged), true),
            // The queue is as the listing shows it, so the note is in it: only a change the version cannot see gets here.
            _ => (await NotQueuedAsync(press.NoteId, ct), true),
        };
    }

    private static string Done(QueuePress press, CurationResult result) => press.Move switch
    {
        QueueMove.Up => ChatText.Format(ChatTextKey.QueuePressedUp, result.Title, result.Position),
        QueueMove.Down => ChatText.Format(ChatTextKey.QueuePressedDown, result.Title, result.Position),
        QueueMove.Next => ChatText.Format(ChatTextKey.QueuePressedNext, result.Title),
        _ => ChatText.Format(ChatTextKey.QueuePressedWithdraw, result.Title, press.NoteId),
    };

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
