using DigestBot.Formatting;
using DigestBot.Notes;
using DigestBot.Sources;
using DigestBot.Storage;

namespace DigestBot.Chat;

/// <summary>
/// A curator sends a paper link, from any platform: the paper's metadata comes from arXiv, the rest of the message
/// is the commentary, and the note joins the queue. Anyone else is refused and nothing is stored.
/// Platforms pass the links they found in the message's markup (Telegram entities, Slack link elements) besides the text.
/// </summary>
internal sealed class PaperLinkIntake(
    NoteStore store,
    NoteAmendments amendments,
    ChatConfirmationStore confirmations,
    ArxivClient arxiv,
    ChatCommandHandler commands,
    NoteRenderCheck check,
    TimeProvider time,
    ILogger<PaperLinkIntake> log)
{
    public const string PendingTitlePrefix = "arXiv ";
    public const string PendingTitleSuffix = " (metadata pending)";

    // In a chat the curator wrote only the commentary; the rest came from arXiv.
    private const string YourCommentary = "your commentary";
    private const string YourReply = "your reply";

    /// <summary>The arXiv ids a message names, in order: in its text and in the links the platform found.</summary>
    public static IReadOnlyList<string> PaperIds(string text, IEnumerable<string> links)
    {
        var ids = ArxivId.FindInText(text).ToList();
        foreach (var link in links)
        {
            if (ArxivId.TryFromUrl(link, out var id) && !ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    /// <summary>Null when the message names no paper; otherwise what to answer.</summary>
    public async Task<PaperLinkReply?> HandleAsync(ChatMessage message, IReadOnlyList<string> links, CancellationToken ct)
    {
        var ids = PaperIds(message.Text, links);
        if (ids.Count == 0)
        {
            return null;
        }

        if (!message.FromCurator)
        {
            Log.PaperLinkRefused(log, message.Platform.Name(), message.ChatId);
            return new PaperLinkReply(
                ChatReply.Text(ChatText.Get(ChatTextKey.OnlyCuratorsQueue), ChatText.Get(ChatTextKey.LookUpHint)),
                null);
        }

        var arxivId = ids[0];
        var extra = ids.Count > 1 ? ChatText.Format(ChatTextKey.OnlyFirstPaper, arxivId) : null;
        if (await amendments.FindByArxivIdAsync(arxivId, ct) is { } existing)
        {
            return new PaperLinkReply(await WhereAsync(existing, extra, ct), null);
        }

        var (commentary, tags) = CuratorText.Split(message.Text, dropPaperLinks: true);
        var source = new NoteSource(SourceOf(message), null);
        PaperMetadata paper;
        try
        {
            paper = await arxiv.GetByIdAsync(arxivId, ct);
        }
        catch (ArxivNotFoundException e)
        {
            return new PaperLinkReply(
                ChatReply.Text(ChatText.Format(ChatTextKey.ArxivHasNoPaper, arxivId, e.ArxivSaid), ChatText.Get(ChatTextKey.CheckLinkAgain)),
                null);
        }
        catch (ArxivUnavailableException e)
        {
            Log.QueuedAwaitingMetadata(log, arxivId, e.Message);
            var placeholder = new Note
            {
                Title = PendingTitlePrefix + arxivId + PendingTitleSuffix,
                ArxivId = arxivId,
                Links = [ArxivId.AbsUrl(arxivId)],
                Commentary = commentary,
                Tags = tags,
                Source = source,
            };
            if (Refusal(placeholder, message) is { } notPostable)
            {
                return new PaperLinkReply(notPostable, null);
            }

            var (pending, queued) = await amendments.QueueAwaitingMetadataAsync(placeholder, ct);
            if (!queued)
            {
                return new PaperLinkReply(await WhereAsync(pending, extra, ct), null);
            }

            var lines = new List<string>
            {
                ChatText.Format(ChatTextKey.ArxivUnreachable, e.Message.TrimEnd('.')),
                ChatText.Get(ChatTextKey.KeepTrying),
                await PositionAsync(pending.Id, ct),
            };
            AddTagsAndHints(lines, tags, extra);
            return new PaperLinkReply(new ChatReply(ChatText.Format(ChatTextKey.QueuedMetadataPending, arxivId)) { Lines = lines }, pending.Id);
        }

        var note = new Note
        {
            Title = paper.Title,
            Authors = paper.Authors,
            Abstract = paper.Abstract,
            ArxivId = paper.ArxivId,
            Links = [paper.AbsUrl.ToString()],
            Commentary = commentary,
            Tags = tags,
            Source = source,
        };
        if (Refusal(note, message) is { } refused)
        {
            return new PaperLinkReply(refused, null);
        }

        var outcome = await store.ImportAsync([note], ct);
        if (outcome.Queued.Count == 0)
        {
            var (_, existingId) = outcome.AlreadyStored[0];
            return new PaperLinkReply(await WhereAsync((await store.FindAsync(existingId, ct))!, extra, ct), null);
        }

        var stored = outcome.Queued[0];
        Log.PaperQueued(log, stored.Id, arxivId, message.Platform.Name(), message.ChatId);
        var confirmation = new List<string> { await PositionAsync(stored.Id, ct) };
        AddTagsAndHints(confirmation, tags, extra);
        return new PaperLinkReply(new ChatReply(ChatText.Format(ChatTextKey.Queued, stored.Note.Title)) { Lines = confirmation }, stored.Id);
    }

    /// <summary>After the platform sent a confirmation, so that a reply to it reaches the note.</summary>
    public Task RememberConfirmationAsync(ChatPlatform platform, string chatId, string messageId, long noteId, CancellationToken ct) =>
        confirmations.RememberAsync(platform.Name(), chatId, messageId, noteId, ct);

    /// <summary>
    /// A reply to one of our confirmations adds its text as commentary and its hashtags as tags.
    /// Null when <paramref name="repliedToMessageId"/> is not a confirmation.
    /// </summary>
    public async Task<ChatReply?> HandleReplyAsync(ChatMessage message, string repliedToMessageId, CancellationToken ct)
    {
        if (await confirmations.FindNoteAsync(message.Platform.Name(), message.ChatId, repliedToMessageId, ct) is not { } noteId)
        {
            return null;
        }

        if (!message.FromCurator)
        {
            return ChatReply.Text(ChatText.Get(ChatTextKey.OnlyCuratorsChange));
        }

        var stored = await store.FindAsync(noteId, ct);
        var (commentary, tags) = CuratorText.Split(message.Text, dropPaperLinks: false);
        if (stored is null)
        {
            return ChatReply.Text(ChatText.Get(ChatTextKey.NoteGone));
        }

        if (commentary.Length == 0 && tags.Count == 0)
        {
            return ChatReply.Text(ChatText.Get(ChatTextKey.NothingToAdd));
        }

        var (appended, refused) = await amendments.AppendAsync(noteId, commentary, tags, note => check.Problem(note, YourReply), ct);
        if (refused is not null)
        {
            Log.NoteRefused(log, message.Platform.Name(), message.ChatId, refused);
            return ChatReply.Text(ChatText.Get(ChatTextKey.NothingAdded), Sentence(refused));
        }

        if (!appended)
        {
            return ChatReply.Text(ChatText.Format(ChatTextKey.AlreadyGoneOut, stored.Note.Title));
        }

        Log.NoteAmended(log, noteId, message.Platform.Name(), message.ChatId);
        var lines = new List<string>();
        if (commentary.Length > 0)
        {
            lines.Add(ChatText.Get(ChatTextKey.CommentaryAdded));
        }

        if (tags.Count > 0)
        {
            lines.Add(ChatText.Format(ChatTextKey.TagsAdded, string.Join(' ', tags.Select(Tag.ForDisplay))));
        }

        lines.Add(await PositionAsync(noteId, ct));
        return new ChatReply(ChatText.Format(ChatTextKey.Updated, stored.Note.Title)) { Lines = lines };
    }

    /// <summary>A reason from <see cref="NoteRenderCheck"/> as a sentence of its own.</summary>
    public static string Sentence(string reason) => reason.Length == 0 ? reason : char.ToUpperInvariant(reason[0]) + reason[1..];

    /// <summary>Null when the note can be posted everywhere; otherwise the answer that says what to shorten.</summary>
    private ChatReply? Refusal(Note note, ChatMessage message)
    {
        if (check.Problem(note, YourCommentary) is not { } problem)
        {
            return null;
        }

        Log.NoteRefused(log, message.Platform.Name(), message.ChatId, problem);
        return ChatReply.Text(ChatText.Get(ChatTextKey.NothingQueued), Sentence(problem));
    }

    /// <summary>"Position 3 in the queue; goes out 2026-03-02 09:00 UTC."</summary>
    public async Task<string> PositionAsync(long noteId, CancellationToken ct)
    {
        var (index, slot) = await QueuePlaceAsync(noteId, ct);
        return index < 0 ? ChatText.Get(ChatTextKey.TakenForPosting) : ChatText.Format(ChatTextKey.Position, index + 1, commands.FormatSlot(slot));
    }

    private async Task<(int Index, DateTimeOffset? Slot)> QueuePlaceAsync(long noteId, CancellationToken ct)
    {
        var queued = await commands.QueuedSlotsAsync(time.GetUtcNow(), ct);
        var index = queued.Select(q => q.Id).ToList().IndexOf(noteId);
        return (index, index < 0 ? null : queued[index].Slot);
    }

    private async Task<ChatReply> WhereAsync(StoredNote existing, string? extra, CancellationToken ct)
    {
        var heading = ChatText.Format(
            existing.IsPosted ? ChatTextKey.AlreadyPosted : existing.TakenAt is null ? ChatTextKey.AlreadyQueued : ChatTextKey.AlreadyTaken,
            existing.Note.Title);
        DateTimeOffset? slot = null;
        var lines = new List<string>();
        if (!existing.IsPosted && existing.TakenAt is null)
        {
            (var index, slot) = await QueuePlaceAsync(existing.Id, ct);
            lines.Add(ChatText.Format(ChatTextKey.Position, index + 1, commands.FormatSlot(slot)));
        }

        lines.Add(ChatText.Get(ChatTextKey.NothingQueuedTwice));
        if (extra is not null)
        {
            lines.Add(extra);
        }

        return new ChatReply(heading) { Notes = [ChatCommandHandler.Listing(existing.Summary(), slot)], Lines = lines };
    }

    private static void AddTagsAndHints(List<string> lines, IReadOnlyList<string> tags, string? extra)
    {
        if (tags.Count > 0)
        {
            lines.Add(ChatText.Format(ChatTextKey.Tags, string.Join(' ', tags.Select(Tag.ForDisplay))));
        }

        if (extra is not null)
        {
            lines.Add(extra);
        }

        lines.Add(ChatText.Get(ChatTextKey.ReplyToAdd));
    }

    private static string SourceOf(ChatMessage message) =>
        message.MessageId is null ? $"{message.Platform.Name()}:{message.ChatId}" : $"{message.Platform.Name()}:{message.ChatId}/{message.MessageId}";
}
