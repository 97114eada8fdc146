namespace DigestBot.Storage;

/// <summary>A curator's change and what it did, for the one sentence the command line or the chat says.</summary>
/// <param name="Title">The note's title, when the note exists.</param>
/// <param name="Messages">Withdraw: posted messages that will be deleted (or marked withdrawn where the platform refuses).</param>
/// <param name="Position">Requeue, move: the note's place in the queue, from 1; for <see cref="CurationOutcome.OutOfRange"/>, the queue's length.</param>
internal sealed record CurationResult(CurationOutcome Outcome, string Title = "", int Messages = 0, int Position = 0)
{
    /// <summary>Withdraw: the note was still waiting in the queue, so nothing had been posted.</summary>
    public bool WasQueued { get; init; }
}
