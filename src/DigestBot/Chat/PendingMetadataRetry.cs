using DigestBot.Alerts;
using DigestBot.Background;
using DigestBot.Formatting;
using DigestBot.Sources;
using DigestBot.Storage;
using Microsoft.Extensions.Options;

namespace DigestBot.Chat;

/// <summary>
/// Fetches, again and again until arXiv answers, the metadata of notes queued while it was unreachable, then
/// tells the curator in the chat the note was queued from.
/// </summary>
internal sealed class PendingMetadataRetry(
    NoteAmendments amendments,
    ChatConfirmationStore confirmations,
    ArxivClient arxiv,
    PaperLinkIntake intake,
    NoteRenderCheck check,
    IEnumerable<IChatNotifier> notifiers,
    CuratorAlerts alerts,
    IOptions<SourcesOptions> options,
    IOptions<ChatOptions> chat,
    TimeProvider time,
    ILogger<PendingMetadataRetry> log) : PeriodicWork(time)
{
    protected override TimeSpan Interval => options.Value.BackfillInterval;

    protected override async Task RunPassAsync(CancellationToken ct) => await RetryAllAsync(ct);

    protected override void PassFailed(Exception exception) => Log.MetadataRetryFailed(log, exception);

    internal async Task RetryAllAsync(CancellationToken ct)
    {
        // Telegram senders' languages are not stored with the confirmation, so the curator hears the configured one.
        ChatText.Language = chat.Value.ParsedLanguage;
        foreach (var pending in await amendments.AwaitingMetadataAsync(ct))
        {
            var arxivId = pending.Note.ArxivId!;
            PaperMetadata paper;
            try
            {
                paper = await arxiv.GetByIdAsync(arxivId, ct);
            }
            catch (ArxivUnavailableException e)
            {
                Log.MetadataStillUnavailable(log, pending.Id, arxivId, e.Message);
                return;
            }
            catch (ArxivNotFoundException e)
            {
                // Never posted without a title; the curator hears why, once.
                Log.MetadataNotFound(log, pending.Id, arxivId, e.ArxivSaid);
                await amendments.GiveUpMetadataAsync(pending.Id, ct);
                alerts.Raise(new CuratorAlert(
                    $"arXiv has no paper {arxivId} (note {pending.Id}, queued from a link): {e.ArxivSaid}.",
                    "The note will not be posted. Check the link and send it again with the right arXiv id."));
                await NotifyAsync(pending.Id, ChatReply.Text(ChatText.Format(ChatTextKey.ArxivSaysNoPaper, arxivId, e.ArxivSaid), ChatText.Get(ChatTextKey.StaysUnposted)), ct);
                continue;
            }

            var completed = pending.Note with { Title = paper.Title, Authors = paper.Authors, Abstract = paper.Abstract };
            if (check.Problem(completed, "its commentary") is { } problem)
            {
                // Checked when it was queued without them; the title, authors and abstract could still tip it over.
                Log.MetadataMakesNoteUnpostable(log, pending.Id, arxivId, problem);
                await amendments.GiveUpMetadataAsync(pending.Id, ct);
                await NotifyAsync(pending.Id, ChatReply.Text(ChatText.Format(ChatTextKey.MetadataButUnpostable, arxivId), PaperLinkIntake.Sentence(problem), ChatText.Get(ChatTextKey.StaysUnposted)), ct);
                continue;
            }

            await amendments.CompleteMetadataAsync(pending.Id, paper.Title, paper.Authors, paper.Abstract, ct);
            Log.MetadataFetched(log, pending.Id, arxivId);
            await NotifyAsync(pending.Id, ChatReply.Text(ChatText.Format(ChatTextKey.MetadataFetched, paper.Title), await intake.PositionAsync(pending.Id, ct)), ct);
        }
    }

    private async Task NotifyAsync(long noteId, ChatReply reply, CancellationToken ct)
    {
        // The latest confirmation only: that is the conversation the curator is in.
        foreach (var (platform, chatId, messageId) in (await confirmations.ForNoteAsync(noteId, ct)).Take(1))
        {
            var notifier = notifiers.FirstOrDefault(n => n.Platform.Name() == platform);
            if (notifier is null)
            {
                continue;
            }

            try
            {
                await notifier.NotifyAsync(chatId, messageId, reply, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.NotifyFailed(log, ex, noteId, platform);
            }
        }
    }
}
