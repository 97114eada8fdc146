using DigestBot.Notes;

namespace DigestBot.Publishing;

/// <summary>
/// A place notes are posted to, with its own delivery record per note.
/// Throw <see cref="DeliveryRejectedException"/> for errors that retrying cannot fix,
/// <see cref="RetryAfterException"/> when the platform names a wait; anything else is retried with backoff.
/// </summary>
internal interface IDestination
{
    /// <summary>Stable name stored in delivery records, e.g. <c>console</c> or <c>telegram:@channel</c>.</summary>
    string Key { get; }

    /// <summary>Whether this destination wants the note at all (a subscription to one tag, say).</summary>
    bool Accepts(Note note) => true;

    /// <summary>
    /// Sends the parts of the note not yet sent (<paramref name="sentMessageIds"/> has one id per part already accepted),
    /// calling <paramref name="partSent"/> after each part so the record is written before the next one goes.
    /// Returns a link to the post, when the platform has one.
    /// </summary>
    Task<string?> SendAsync(Note note, IReadOnlyList<string> sentMessageIds, Func<string, CancellationToken, Task> partSent, CancellationToken ct);
}
