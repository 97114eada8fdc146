using System.Globalization;
using DigestBot.Notes;
using DigestBot.Publishing;
using DigestBot.Storage;

namespace DigestBot.Chat;

/// <summary>
/// The commands every platform shares. Lookups are for everyone; curators also see queued notes.
/// Platforms only turn messages into <see cref="ChatMessage"/> and render the <see cref="ChatReply"/>.
/// </summary>
internal sealed class ChatCommandHandler(
    NoteStore store, DeliveryStore deliveries, DestinationStateStore states, SlotSchedule schedule, SchedulePause pause, CuratingCommands curating, ChatNoteEdits edits, ChatMetrics metrics, TimeProvider time)
{
    public const int PageSize = 10;

    public async Task<ChatReply?> HandleAsync(ChatMessage message, CancellationToken ct)
    {
        var command = ChatCommand.Parse(message.Text);
        if (command is null)
        {
            return null;
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var reply = await AnswerAsync(command, message, ct);
        // Anything not in the catalog is "unknown", so strangers cannot mint metric labels.
        metrics.Answered(ChatCommandCatalog.Contains(command.Name) ? command.Name : "unknown", message.Platform.Name(), started);
        return reply;
    }

    private async Task<ChatReply> AnswerAsync(ChatCommand command, ChatMessage message, CancellationToken ct)
    {
        // Queued notes are the curators' business: shown only where no one else reads the answer.
        var showQueued = message.FromCurator && message.Kind == ChatKind.Private;
        return command.Name switch
        {
            "tag" => await TagAsync(command.Arguments, showQueued, PageSize, ct),
            "tags" => await TagsAsync(showQueued, ct),
            "search" => await SearchAsync(command.Arguments, showQueued, PageSize, ct),
            "queue" => showQueued ? await QueueAsync(ct) : message.FromCurator ? ChatReply.Text(LimitTexts.QueueInPrivate) : CuratorsOnly("queue"),
            "retry" => message.FromCurator ? await RetryAsync(command.Arguments, ct) : CuratorsOnly("retry"),
            "drop" => message.FromCurator ? await DropAsync(command.Arguments, ct) : CuratorsOnly("drop"),
            "edit" => !message.FromCurator ? CuratorsOnly("edit")
                : message.Kind == ChatKind.Private ? await edits.ShowAsync(message, command.Arguments, ct)
                : ChatReply.Text(ChatText.Format(ChatTextKey.EditInPrivate, command.Arguments.Trim())),
            "withdraw" => message.FromCurator ? await curating.WithdrawAsync(command.Arguments, Who(message), ct) : CuratorsOnly("withdraw"),
            "requeue" => message.FromCurator ? await curating.RequeueAsync(command.Arguments, Who(message), ct) : CuratorsOnly("requeue"),
            "next" => message.FromCurator ? await curating.NextAsync(command.Arguments, Who(message), ct) : CuratorsOnly("next"),
            "move" => message.FromCurator ? await curating.MoveAsync(command.Arguments, Who(message), ct) : CuratorsOnly("move"),
            "pause" => message.FromCurator ? await curating.PauseAsync(command.Arguments, ct) : CuratorsOnly("pause"),
            "resume" => message.FromCurator ? await curating.ResumeAsync(ct) : CuratorsOnly("resume"),
            "help" or "start" => Help(message.FromCurator),
            _ => ChatReply.Text(ChatText.Format(ChatTextKey.UnknownCommand, command.Name), ChatText.Get(ChatTextKey.SendHelp)),
        };
    }

    /// <summary>The curator as a note's history names them: platform and user id.</summary>
    private static string Who(ChatMessage message) => $"{message.Platform.Name()}:{message.UserId}";

    /// <summary>Notes with the tag, newest first; <paramref name="arguments"/> is <c>name [page]</c>.</summary>
    public async Task<ChatReply> TagAsync(string arguments, bool includeQueued, int pageSize, CancellationToken ct)
    {
        var (words, page) = SplitPage(arguments);
        if (words.Length == 0)
        {
            return ChatReply.Text(ChatText.Get(ChatTextKey.TagWhich), ChatText.Get(ChatTextKey.SeeEveryTag));
        }

        var tag = Tag.Canonical(words);
        var found = await store.ByTagPageAsync(tag, includeQueued, page, pageSize, ct);
        if (found.Total == 0)
        {
            var known = await store.TagsAsync(includeQueued, ct);
            var closest = TagSuggestions.Closest(tag, known.Select(k => k.Tag));
            var lines = new List<string>();
            if (closest.Count > 0)
            {
                lines.Add(ChatText.Format(ChatTextKey.ClosestTags, string.Join(", ", closest.Select(Tag.ForDisplay))));
            }

            lines.Add(ChatText.Get(ChatTextKey.SeeEveryTag));
            return new ChatReply(ChatText.Format(ChatTextKey.TagNotFound, Tag.ForDisplay(tag))) { Lines = lines, NotFound = true };
        }

        var heading = $"{Tag.ForDisplay(tag)}: {NoteCount(found.Total)}";
        return await PageAsync(heading, found, "/tag " + tag, ct);
    }

    public async Task<ChatReply> TagsAsync(bool includeQueued, CancellationToken ct)
    {
        var tags = await store.TagsAsync(includeQueued, ct);
        if (tags.Count == 0)
        {
            return ChatReply.Text(ChatText.Get(ChatTextKey.NoTagsYet)) with { NotFound = true };
        }

        var lines = tags
            .OrderByDescending(t => t.Total)
            .ThenBy(t => t.Tag, StringComparer.Ordinal)
            .Select(t => t.Queued > 0
                ? ChatText.Format(ChatTextKey.TagWithQueued, Tag.ForDisplay(t.Tag), t.Total, t.Queued)
                : $"{Tag.ForDisplay(t.Tag)} — {t.Total}")
            .ToList();
        return new ChatReply(ChatText.Count(tags.Count, ChatTextKey.OneTag, ChatTextKey.ManyTags)) { Lines = lines };
    }

    public async Task<ChatReply> SearchAsync(string arguments, bool includeQueued, int pageSize, CancellationToken ct)
    {
        var (asked, page) = SplitPage(arguments);
        if (asked.Length == 0)
        {
            return ChatReply.Text(ChatText.Get(ChatTextKey.SearchWhat));
        }

        var (words, shortened) = SearchWords.Cap(asked);
        var found = await store.SearchPageAsync(words, includeQueued, page, pageSize, ct);
        var reply = found.Total == 0
            ? ChatReply.Text(ChatText.Format(ChatTextKey.SearchNotFound, words), ChatText.Get(ChatTextKey.SearchTryFewer)) with { NotFound = true }
            : await PageAsync(
                $"“{words}”: {(found.MoreThanTotal ? ChatText.Format(ChatTextKey.MoreThanNotes, found.Total) : NoteCount(found.Total))}", found, "/search " + words, ct);
        return shortened
            ? reply with { Lines = [.. reply.Lines, LimitTexts.SearchShortened(SearchWords.MaxWords, SearchWords.MaxCharacters)] }
            : reply;
    }

    public async Task<ChatReply> QueueAsync(CancellationToken ct)
    {
        var queued = await store.QueuedAsync(ct);
        var failed = await store.FailedAsync(ct);
        var now = time.GetUtcNow();
        var slots = await QueueSlotsAsync(now, ct);
        var listings = queued.Select(n => Listing(n.Summary(), slots.GetValueOrDefault(n.Id))).ToList();
        var hold = await pause.CurrentAsync(ct);
        var lines = (await states.PausedAsync(ct))
            .Select(p => ChatText.Format(ChatTextKey.QueuePaused, p.Destination, FormatSlot(p.Since), p.Reason))
            .Prepend(hold is null ? null : hold.Until is { } until ? ChatText.Format(ChatTextKey.QueueHeldUntil, FormatSlot(until)) : ChatText.Get(ChatTextKey.QueueHeld))
            .OfType<string>()
            .ToList();
        lines.AddRange(failed
            .SelectMany(n => n.Deliveries.Where(d => d.State == DeliveryState.Failed).Select(d => ChatText.Format(ChatTextKey.QueueFailed, n.Note.Title, n.Id, d.Destination, d.Reason))));
        var heading = queued.Count == 0
            ? ChatText.Get(ChatTextKey.QueueEmpty)
            : ChatText.Format(ChatTextKey.QueueHeading, NoteCount(queued.Count), FormatSlot(schedule.Next(SlotsFrom(now, hold))));
        return new ChatReply(heading) { Notes = listings, Lines = lines, QueueVersion = QueueListingVersion.Of(queued.Select(n => n.Id)) };
    }

    /// <summary>Failed deliveries back to pending: <c>&lt;note id&gt;</c>, or <c>all</c>.</summary>
    public async Task<ChatReply> RetryAsync(string arguments, CancellationToken ct)
    {
        var argument = arguments.Trim();
        if (argument.Equals("all", StringComparison.OrdinalIgnoreCase) || argument == "--all")
        {
            var all = await deliveries.RetryFailedAsync(null, ct);
            return all == 0
                ? ChatReply.Text(ChatText.Get(ChatTextKey.RetryNothingFailed)) with { NotFound = true }
                : ChatReply.Text(ChatText.Format(ChatTextKey.RetryAll, FailedDeliveries(all)));
        }

        if (!long.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return ChatReply.Text(ChatText.Get(ChatTextKey.RetryWhich), ChatText.Get(ChatTextKey.QueueListsFailed)) with { NotFound = true };
        }

        if (await store.FindAsync(id, ct) is not { } note)
        {
            return ChatReply.Text(ChatText.Format(ChatTextKey.NoSuchNote, id), ChatText.Get(ChatTextKey.QueueListsFailed)) with { NotFound = true };
        }

        var retried = await deliveries.RetryFailedAsync(id, ct);
        return retried == 0
            ? ChatReply.Text(ChatText.Format(ChatTextKey.RetryNothingForNote, note.Note.Title, id)) with { NotFound = true }
            : ChatReply.Text(ChatText.Format(ChatTextKey.RetryNote, note.Note.Title, id, FailedDeliveries(retried)));
    }

    /// <summary>Gives up what waits for a paused destination; it stays paused until it takes posts again.</summary>
    public async Task<ChatReply> DropAsync(string arguments, CancellationToken ct)
    {
        var key = arguments.Trim();
        var paused = await states.PausedAsync(ct);
        if (paused.FirstOrDefault(p => string.Equals(p.Destination, key, StringComparison.Ordinal)) is null)
        {
            var names = paused.Count == 0 ? ChatText.Get(ChatTextKey.NothingPaused) : ChatText.Format(ChatTextKey.PausedNow, string.Join(", ", paused.Select(p => p.Destination)));
            return ChatReply.Text(
                key.Length == 0 ? ChatText.Get(ChatTextKey.DropWhich) : ChatText.Format(ChatTextKey.DropNotPaused, key),
                names) with { NotFound = true };
        }

        var dropped = await deliveries.DropUnfinishedAsync(key, "dropped by a curator while the destination was paused", ct);
        return ChatReply.Text(
            ChatText.Format(ChatTextKey.Dropped, ChatText.Count(dropped, ChatTextKey.OneWaitingPost, ChatTextKey.ManyWaitingPosts), key),
            ChatText.Get(ChatTextKey.DropStaysPaused));
    }

    public string FormatSlot(DateTimeOffset? slot) => slot is { } s ? schedule.Display(s) : ChatText.Get(ChatTextKey.SlotNever);

    internal static ChatReply Help(bool curator)
    {
        var lines = new List<string> { ChatText.Get(ChatTextKey.HelpIntro) };
        // /start is /help under the name Telegram sends first; listing both would say the same twice.
        var shown = ChatCommandCatalog.All.Where(c => c.Name != "start").ToList();
        lines.AddRange(shown.Where(c => c.Audience == ChatCommandAudience.Everyone).Select(HelpLine));
        if (curator)
        {
            lines.AddRange(shown.Where(c => c.Audience == ChatCommandAudience.Curators).Select(HelpLine));
            lines.Add(ChatText.Get(ChatTextKey.HelpPaperLink));
        }

        return new ChatReply(ChatText.Get(ChatTextKey.HelpHeading)) { Lines = lines };
    }

    private static string HelpLine(ChatCommandInfo command) => $"{command.Usage} — {command.Help}";

    private async Task<ChatReply> PageAsync(string heading, NotePage found, string pageCommand, CancellationToken ct)
    {
        var slots = await QueueSlotsAsync(found.Notes, ct);
        var listings = found.Notes
            .Select(n => Listing(n, slots.TryGetValue(n.Id, out var slot) ? slot : null))
            .ToList();
        return new ChatReply(heading) { Notes = listings, Page = found.Page, PageCount = found.PageCount, PageCommand = pageCommand };
    }

    private async Task<Dictionary<long, DateTimeOffset?>> QueueSlotsAsync(IReadOnlyList<NoteSummary> found, CancellationToken ct)
    {
        if (found.All(n => n.TakenAt is not null))
        {
            return [];
        }

        return await QueueSlotsAsync(time.GetUtcNow(), ct);
    }

    private async Task<Dictionary<long, DateTimeOffset?>> QueueSlotsAsync(DateTimeOffset now, CancellationToken ct) =>
        (await QueuedSlotsAsync(now, ct)).ToDictionary(q => q.Id, q => q.Slot);

    /// <summary>Every queued note's id and slot, in queue order; notes waiting for metadata hold no slot back from the rest.</summary>
    internal async Task<IReadOnlyList<(long Id, DateTimeOffset? Slot)>> QueuedSlotsAsync(DateTimeOffset now, CancellationToken ct)
    {
        var queued = await store.QueuedIdsAsync(ct);
        var slots = schedule.QueueSlots(queued.Select(q => q.Ready).ToList(), SlotsFrom(now, await pause.CurrentAsync(ct)));
        return queued.Select((q, i) => (q.Id, slots[i])).ToList();
    }

    /// <summary>The moment slots count from: now, or the end of a pause; a pause until resumed shows the slots of a resume now.</summary>
    private static DateTimeOffset SlotsFrom(DateTimeOffset now, ScheduleHold? hold) =>
        hold?.Until is { } until && until > now ? until.AddTicks(-1) : now;

    internal static NoteListing Listing(NoteSummary n, DateTimeOffset? slot) =>
        new(n.Id, n.Title, n.Date, n.PostedAt, n.PostLink, n.PaperLink, !n.IsPosted, slot)
        {
            PostLinks = n.Posts
                .Where(p => p.Permalink is not null)
                .ToDictionary(p => p.Destination, p => p.Permalink!, StringComparer.Ordinal),
        };

    private static (string Words, int Page) SplitPage(string arguments)
    {
        var parts = arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > 1 && int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var page))
        {
            return (string.Join(' ', parts[..^1]), page);
        }

        return (string.Join(' ', parts), 1);
    }

    private static string NoteCount(int n) => ChatText.Count(n, ChatTextKey.OneNote, ChatTextKey.ManyNotes);

    private static string FailedDeliveries(int n) => ChatText.Count(n, ChatTextKey.OneFailedDelivery, ChatTextKey.ManyFailedDeliveries);

    private static ChatReply CuratorsOnly(string command) =>
        ChatReply.Text(ChatText.Format(ChatTextKey.CuratorsOnly, command), ChatText.Get(ChatTextKey.LookUpHint));
}
