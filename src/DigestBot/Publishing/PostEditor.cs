using DigestBot.Alerts;
using DigestBot.Background;
using DigestBot.Storage;
using Microsoft.Extensions.Options;

namespace DigestBot.Publishing;

/// <summary>
/// A lane's changes to what it posted (<see cref="MessageEdit"/>): per note, the messages edited to its text as it is
/// now, missing parts sent, surplus parts deleted, a withdrawn note's messages deleted. Paced through the same clients as
/// deliveries; a refusal is classified the same way: a transient one is retried, one about the message fails that edit
/// (the curators hear once per note and destination), one about the destination pauses it like a delivery.
/// </summary>
internal sealed class PostEditor(
    MessageEditStore edits,
    NoteStore notes,
    DeliveryStore deliveries,
    DestinationPauses pauses,
    CuratorAlerts alerts,
    PublishingMetrics metrics,
    IOptions<PublishingOptions> options,
    TimeProvider time,
    ILogger<PostEditor> log)
{
    /// <summary>Carries out <paramref name="waiting"/> in order; returns when to try again if the destination paused.</summary>
    public async Task<DateTimeOffset?> ApplyAsync(IDestination destination, IReadOnlyList<MessageEdit> waiting, bool probing, CancellationToken ct)
    {
        foreach (var noteId in waiting.Select(e => e.NoteId).Distinct().ToList())
        {
            var (pausedUntil, resumed) = await ApplyToNoteAsync(destination, noteId, probing, ct);
            if (pausedUntil is not null)
            {
                return pausedUntil;
            }

            probing &= !resumed;
        }

        return null;
    }

    private async Task<(DateTimeOffset? PausedUntil, bool Resumed)> ApplyToNoteAsync(IDestination destination, long noteId, bool probing, CancellationToken ct)
    {
        var stored = await notes.FindAsync(noteId, ct);
        var withdrawn = stored is not null && await notes.IsWithdrawnAsync(noteId, ct);
        int? parts = null;
        if (stored is not null && !withdrawn)
        {
            try
            {
                parts = destination.PartCount(stored.Note);
                await edits.PlanPartsAsync(noteId, destination.Key, parts.Value, ct);
            }
            catch (NoteNotRenderableException)
            {
                parts = null;
            }
        }

        var pending = (await edits.PendingAsync(destination.Key, ct)).Where(e => e.NoteId == noteId)
            .OrderBy(e => e.Kind)
            .ThenBy(e => e.Part)
            .ToList();
        var ids = (await deliveries.FindAsync(noteId, destination.Key, ct))?.MessageIds.ToList() ?? [];
        var refusals = new List<string>();
        var resumed = false;
        foreach (var edit in pending)
        {
            if (stored is null || (parts is null && !withdrawn))
            {
                await edits.MarkFailedAsync(edit.Id, stored is null ? "the note is no longer stored" : "the note cannot be rendered", CancellationToken.None);
                continue;
            }

            if (withdrawn != (edit.Kind == MessageEditKind.Withdraw) || (edit.Kind == MessageEditKind.Edit && edit.Part >= parts))
            {
                // Overtaken: the message is withdrawn, or deleted as surplus, instead.
                await edits.MarkDoneAsync(edit, null, "not needed any more", CancellationToken.None);
                continue;
            }

            var (outcome, pausedUntil, sent) = await ApplyOneAsync(destination, stored, edit, ids, ct);
            switch (outcome)
            {
                case DeliveryOutcome.DestinationRefused:
                    return (pausedUntil, resumed);
                case DeliveryOutcome.Failed:
                    refusals.Add(sent!);
                    break;
                default:
                    if (edit.Kind == MessageEditKind.Send && sent is not null)
                    {
                        ids.Add(sent);
                    }

                    if (probing && !resumed)
                    {
                        await pauses.ResumedAsync(destination, CancellationToken.None);
                        resumed = true;
                    }

                    break;
            }
        }

        if (refusals.Count > 0 && !destination.IsSubscriber && stored is not null)
        {
            alerts.Raise(new CuratorAlert(
                $"“{stored.Note.Title}” (note {stored.Id}) could not be {(withdrawn ? "taken back" : "changed")} everywhere on {destination.Key}: {string.Join("; ", refusals.Distinct())}",
                $"The post there stays as it is; history {stored.Id} lists every message and what the platform said."));
        }

        return (null, resumed);
    }

    /// <summary>One change, retried while the refusal is transient. For a failure, the third value is the platform's words.</summary>
    private async Task<(DeliveryOutcome Outcome, DateTimeOffset? PausedUntil, string? Result)> ApplyOneAsync(
        IDestination destination, StoredNote stored, MessageEdit edit, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var transientFailures = 0;
        var unexplainedFailures = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                await edits.MarkAttemptAsync(edit.Id, ct);
                var changed = await destination.ChangeAsync(stored.Note, edit, ids, ct);
                await edits.MarkDoneAsync(edit, changed.SentMessageId, changed.Instead, CancellationToken.None);
                Log.MessageChanged(log, stored.Id, destination.Key, edit.Kind, edit.Part, changed.SentMessageId ?? edit.MessageId ?? "", changed.Instead ?? "");
                return (DeliveryOutcome.Sent, null, changed.SentMessageId);
            }
            catch (PlatformException ex) when (ex.Kind == PlatformErrorKind.ThisDestination)
            {
                metrics.Failed(destination, ex.Kind);
                return (DeliveryOutcome.DestinationRefused, await pauses.PauseAsync(destination, ex, CancellationToken.None), null);
            }
            catch (PlatformException ex) when (ex.Kind == PlatformErrorKind.ThisMessage)
            {
                metrics.Failed(destination, ex.Kind);
                return await FailAsync(destination, edit, ex.PlatformWords);
            }
            catch (PlatformException ex) when (ex.Kind == PlatformErrorKind.Transient)
            {
                metrics.Failed(destination, ex.Kind);
                var wait = ex.RetryAfter ?? Backoff.After(++transientFailures, options.Value.RetryBaseDelay, options.Value.RetryMaxDelay);
                Log.MessageChangeWillRetry(log, ex, stored.Id, destination.Key, edit.Kind, edit.Part, transientFailures, wait);
                await Task.Delay(wait, time, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                metrics.Failed(destination, PlatformErrorKind.Unknown);
                if (++unexplainedFailures >= options.Value.MaxAttempts)
                {
                    return await FailAsync(destination, edit, $"{ex.Message} (gave up after {unexplainedFailures} attempts)");
                }

                var wait = Backoff.After(unexplainedFailures, options.Value.RetryBaseDelay, options.Value.RetryMaxDelay);
                Log.MessageChangeWillRetry(log, ex, stored.Id, destination.Key, edit.Kind, edit.Part, unexplainedFailures, wait);
                await Task.Delay(wait, time, ct);
            }
        }
    }

    private async Task<(DeliveryOutcome, DateTimeOffset?, string?)> FailAsync(IDestination destination, MessageEdit edit, string reason)
    {
        await edits.MarkFailedAsync(edit.Id, reason, CancellationToken.None);
        Log.MessageChangeRejected(log, edit.NoteId, destination.Key, edit.Kind, edit.Part, reason);
        return (DeliveryOutcome.Failed, null, $"{edit.Kind.ToString().ToLowerInvariant()} of message {edit.MessageId ?? "(new)"}: {reason}");
    }
}
