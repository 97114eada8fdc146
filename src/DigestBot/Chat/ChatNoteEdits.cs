using System.Collections.Concurrent;
using System.Globalization;
using DigestBot.Formatting;
using DigestBot.Notes;
using DigestBot.Storage;

namespace DigestBot.Chat;

/// <summary>
/// Editing a note in a chat: <c>/edit &lt;note id&gt;</c> answers the note in the digest format to copy; the corrected
/// note sent back (or any note whose key matches a stored one) is not applied at once but shown as what it would change,
/// stored as a <see cref="PendingEdit"/>, and applied by Update the way a re-import applies it, or dropped by Cancel.
/// </summary>
internal sealed class ChatNoteEdits(NoteStore store, NoteCuration curation, PendingEditStore pending, NoteRenderCheck check)
{
    /// <summary>Past this the note does not fit one chat message (Telegram's 4096, with the words around it).</summary>
    public const int MaxShownLength = 3500;

    private readonly DigestTextParser parser = new();

    /// <summary>The note <c>/edit</c> last showed in each chat: the next note sent there edits it, even with a new key.</summary>
    private readonly ConcurrentDictionary<(ChatPlatform, string), long> shown = new();

    public async Task<ChatReply> ShowAsync(ChatMessage message, string arguments, CancellationToken ct)
    {
        if (!long.TryParse(arguments.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return Refused(ChatText.Get(ChatTextKey.EditWhich));
        }

        if (await store.FindAsync(id, ct) is not { } stored)
        {
            return Refused(ChatText.Format(ChatTextKey.NoSuchNote, id), ChatText.Get(ChatTextKey.CheckNoteId));
        }

        if (await store.IsWithdrawnAsync(id, ct))
        {
            return Refused(ChatText.Format(ChatTextKey.EditWithdrawn, stored.Note.Title, id));
        }

        var text = DigestTextWriter.Write(stored.Note);
        if (text.Length > MaxShownLength)
        {
            return Refused(ChatText.Format(ChatTextKey.EditTooLong, id));
        }

        shown[(message.Platform, message.ChatId)] = id;
        return ChatReply.Text(ChatText.Format(ChatTextKey.EditShown, id)) with { Preformatted = text };
    }

    /// <summary>
    /// A curator's note sent in a private chat that edits a stored one: what it would change, with Update / Cancel, or the
    /// one sentence saying why it cannot. Null when the text is not one whole note for a stored note (it goes on as before).
    /// </summary>
    public async Task<ChatReply?> ProposeAsync(ChatMessage message, string text, CancellationToken ct)
    {
        if (!message.FromCurator || message.Kind != ChatKind.Private || !text.Contains('\n', StringComparison.Ordinal))
        {
            return null;
        }

        var parsed = parser.Parse(text, message.Platform.Name());
        if (parsed.Notes.Count != 1 || parsed.Problems.Any(p => p.IsError))
        {
            return null;
        }

        var edited = parsed.Notes[0];
        var byKey = await store.FindByKeyAsync(edited, ct);
        StoredNote? target;
        if (shown.TryRemove((message.Platform, message.ChatId), out var shownId))
        {
            if (byKey is not null && byKey.Id != shownId)
            {
                return Refused(ChatText.Format(ChatTextKey.EditKeyTaken, byKey.Id, shownId));
            }

            target = await store.FindAsync(shownId, ct);
        }
        else
        {
            target = byKey;
        }

        if (target is null)
        {
            return null;
        }

        if (await store.IsWithdrawnAsync(target.Id, ct))
        {
            return Refused(ChatText.Format(ChatTextKey.EditWithdrawn, target.Note.Title, target.Id));
        }

        if (NoteRevision.Changes(target.Note, edited).Count == 0)
        {
            return ChatReply.Text(ChatText.Format(ChatTextKey.EditNothingChanged, target.Id));
        }

        if (check.Problem(edited) is { } problem)
        {
            return Refused(ChatText.Format(ChatTextKey.EditNotRenderable, target.Id, problem));
        }

        var id = await pending.AddAsync(
            target.Id, message.Platform.Name(), message.ChatId, message.UserId, DigestTextWriter.Write(target.Note), DigestTextWriter.Write(edited), ct);
        return ChatReply.Text(ChatText.Format(ChatTextKey.EditProposed, target.Id, target.Note.Title), NoteEditDiff.Describe(target.Note, edited))
            with { PendingEditId = id };
    }

    /// <summary>The console's typed <c>update</c> or <c>cancel</c>: decides the newest edit waiting in that chat; null for any other line.</summary>
    public async Task<ChatReply?> TypedAsync(ChatMessage message, CancellationToken ct)
    {
        var word = message.Text.Trim().ToLowerInvariant();
        if (word is not ("update" or "cancel"))
        {
            return null;
        }

        return await pending.LatestPendingAsync(message.Platform.Name(), message.ChatId, ct) is { } edit
            ? await DecideAsync(message, edit.Id, word == "update", ct)
            : Refused(ChatText.Get(ChatTextKey.EditNoneWaiting));
    }

    /// <summary>An Update or Cancel press (or typed word): applied once, by a curator, only to the note as it was shown.</summary>
    public async Task<ChatReply> DecideAsync(ChatMessage pressed, long pendingId, bool update, CancellationToken ct)
    {
        if (!pressed.FromCurator)
        {
            return Refused(ChatText.Get(ChatTextKey.EditCuratorsOnly));
        }

        if (await pending.FindAsync(pendingId, ct) is not { } edit)
        {
            return Refused(ChatText.Get(ChatTextKey.ButtonExpired));
        }

        var who = $"{pressed.Platform.Name()}:{pressed.UserId}";
        if (!await pending.DecideAsync(edit.Id, update ? PendingEditStore.Updated : PendingEditStore.Cancelled, who, ct))
        {
            return Refused(ChatText.Format(ChatTextKey.EditAlreadyDone, edit.NoteId));
        }

        if (!update)
        {
            return ChatReply.Text(ChatText.Format(ChatTextKey.EditCancelled, edit.NoteId));
        }

        var before = parser.Parse(edit.BeforeText, "before").Notes.Single();
        var edited = parser.Parse(edit.EditedText, pressed.Platform.Name()).Notes.Single();
        var result = await curation.ReviseAsync(edit.NoteId, before, edited, who, ct);
        if (result.Outcome != RevisionOutcome.Updated)
        {
            await pending.MarkAsync(edit.Id, PendingEditStore.Stale, ct);
        }

        return result.Outcome switch
        {
            RevisionOutcome.Updated => ChatReply.Text(ChatText.Format(ChatTextKey.EditUpdated, edit.NoteId, string.Join(", ", result.Update!.Changed))),
            RevisionOutcome.Unchanged => ChatReply.Text(ChatText.Format(ChatTextKey.EditNothingChanged, edit.NoteId)),
            RevisionOutcome.OutOfDate => Refused(ChatText.Format(ChatTextKey.EditOutOfDate, edit.NoteId)),
            RevisionOutcome.KeyTaken => Refused(ChatText.Format(ChatTextKey.EditKeyTaken, result.OtherId, edit.NoteId)),
            _ => Refused(ChatText.Format(ChatTextKey.EditGone, edit.NoteId)),
        };
    }

    private static ChatReply Refused(string sentence, params string[] lines) => ChatReply.Text(sentence, lines) with { NotFound = true };
}
