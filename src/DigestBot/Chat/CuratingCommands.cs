using System.Globalization;
using DigestBot.Publishing;
using DigestBot.Storage;

namespace DigestBot.Chat;

/// <summary>
/// The curators' hands on notes, for the chat commands and the command line alike: each answer is the one sentence
/// that says what was done, or what was wrong and what to do, in which case nothing changed.
/// </summary>
internal sealed class CuratingCommands(NoteCuration curation, SchedulePause pause, SlotSchedule schedule, TimeProvider time)
{
    /// <summary>Who the command line is in a note's history.</summary>
    public const string CommandLine = "cli";

    public Task<ChatReply> WithdrawAsync(string arguments, string who, CancellationToken ct) =>
        ChangeAsync(arguments, ChatTextKey.WithdrawWhich, id => curation.WithdrawAsync(id, who, ct), Withdrawn);

    public Task<ChatReply> RequeueAsync(string arguments, string who, CancellationToken ct) =>
        ChangeAsync(arguments, ChatTextKey.RequeueWhich, id => curation.RequeueAsync(id, who, ct), Requeued);

    /// <summary><c>&lt;note id&gt;</c>: the note goes out at the next slot.</summary>
    public Task<ChatReply> NextAsync(string arguments, string who, CancellationToken ct) =>
        ChangeAsync(arguments, ChatTextKey.NextWhich, id => curation.MoveAsync(id, 1, who, ct), Moved);

    /// <summary><c>&lt;note id&gt; &lt;position&gt;</c>, the position from 1.</summary>
    public Task<ChatReply> MoveAsync(string arguments, string who, CancellationToken ct)
    {
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length == 2 && int.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            ? ChangeAsync(words[0], ChatTextKey.MoveHow, id => curation.MoveAsync(id, position, who, ct), Moved)
            : Task.FromResult(Refused(ChatText.Get(ChatTextKey.MoveHow)));
    }

    /// <summary><c>[until &lt;date or duration&gt;]</c>: no slot takes a note until then, or until resumed.</summary>
    public async Task<ChatReply> PauseAsync(string arguments, CancellationToken ct)
    {
        var words = arguments.Trim();
        if (words.Length == 0)
        {
            await pause.PauseAsync(null, ct);
            return ChatReply.Text(ChatText.Get(ChatTextKey.PausedIndefinitely));
        }

        var when = words.StartsWith("until ", StringComparison.OrdinalIgnoreCase) ? words[6..].Trim() : words;
        var now = time.GetUtcNow();
        if (!PauseUntil.TryParse(when, now, schedule.Zone, out var until))
        {
            return Refused(ChatText.Format(ChatTextKey.PauseBadUntil, when));
        }

        if (until <= now)
        {
            return Refused(ChatText.Format(ChatTextKey.PauseUntilPast, schedule.Display(until)));
        }

        await pause.PauseAsync(until, ct);
        return ChatReply.Text(ChatText.Format(ChatTextKey.PausedUntil, schedule.Display(until)));
    }

    public async Task<ChatReply> ResumeAsync(CancellationToken ct)
    {
        if (!await pause.ResumeAsync(ct))
        {
            return Refused(ChatText.Get(ChatTextKey.NotPaused));
        }

        return ChatReply.Text(ChatText.Format(
            ChatTextKey.Resumed, schedule.Next(time.GetUtcNow()) is { } next ? schedule.Display(next) : ChatText.Get(ChatTextKey.SlotNever)));
    }

    /// <summary>The note id from <paramref name="arguments"/>, the change, and what to say about its result.</summary>
    private static async Task<ChatReply> ChangeAsync(
        string arguments, string whichKey, Func<long, Task<CurationResult>> change, Func<long, CurationResult, ChatReply> say)
    {
        if (!long.TryParse(arguments.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return Refused(ChatText.Get(whichKey));
        }

        var result = await change(id);
        return result.Outcome == CurationOutcome.NoSuchNote
            ? Refused(ChatText.Format(ChatTextKey.NoSuchNote, id), ChatText.Get(ChatTextKey.CheckNoteId))
            : say(id, result);
    }

    private static ChatReply Withdrawn(long id, CurationResult result) => result switch
    {
        { Outcome: CurationOutcome.AlreadyWithdrawn } => Refused(ChatText.Format(ChatTextKey.AlreadyWithdrawn, result.Title, id)),
        { WasQueued: true } => ChatReply.Text(ChatText.Format(ChatTextKey.WithdrawnFromQueue, result.Title, id)),
        { Messages: 0 } => ChatReply.Text(ChatText.Format(ChatTextKey.WithdrawnNothingPosted, result.Title, id)),
        _ => ChatReply.Text(
            ChatText.Format(ChatTextKey.WithdrawnPosted, result.Title, id, ChatText.Count(result.Messages, ChatTextKey.OnePostedMessage, ChatTextKey.ManyPostedMessages)),
            ChatText.Get(ChatTextKey.WithdrawDeleteRule)),
    };

    private static ChatReply Requeued(long id, CurationResult result) => result.Outcome switch
    {
        CurationOutcome.NotWithdrawn => Refused(ChatText.Format(ChatTextKey.NotWithdrawn, result.Title, id)),
        CurationOutcome.StillTakingBack => Refused(ChatText.Format(ChatTextKey.StillTakingBack, result.Title, id)),
        _ => ChatReply.Text(ChatText.Format(ChatTextKey.Requeued, result.Title, id, result.Position)),
    };

    private static ChatReply Moved(long id, CurationResult result) => result.Outcome switch
    {
        CurationOutcome.NotQueued => Refused(ChatText.Format(ChatTextKey.NotQueued, result.Title, id)),
        CurationOutcome.OutOfRange => Refused(ChatText.Format(ChatTextKey.PositionOutOfRange, result.Position)),
        _ => ChatReply.Text(ChatText.Format(ChatTextKey.Moved, result.Title, id, result.Position)),
    };

    private static ChatReply Refused(string sentence, params string[] lines) => ChatReply.Text(sentence, lines) with { NotFound = true };
}
