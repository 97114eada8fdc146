using DigestBot.Notes;
using DigestBot.Storage;

namespace DigestBot.Publishing;

/// <summary>
/// A place notes are posted to, with its own delivery record per note. Failures are <see cref="PlatformException"/>s,
/// classified by the platform's client: the publisher retries, fails the note, or pauses the destination accordingly.
/// </summary>
internal interface IDestination
{
    /// <summary>Stable name stored in delivery records, e.g. <c>console</c> or <c>telegram:@channel</c>.</summary>
    string Key { get; }

    /// <summary>A chat that subscribed, rather than a destination the operator configured: it ends instead of pausing, and raises no alerts.</summary>
    bool IsSubscriber => false;

    /// <summary>Whether the destination wants the note at all (a subscription to one tag, say).</summary>
    bool Accepts(Note note) => true;

    /// <summary>
    /// Sends the parts of the note not yet sent (<paramref name="sentMessageIds"/> has one id per part already accepted),
    /// calling <paramref name="partSent"/> after each part so the record is written before the next one goes.
    /// Returns a link to the post, when the platform has one.
    /// </summary>
    Task<string?> SendAsync(Note note, IReadOnlyList<string> sentMessageIds, Func<string, CancellationToken, Task> partSent, CancellationToken ct);

    /// <summary>How many messages the note takes here, so that an edit knows which parts to send or delete.</summary>
    int PartCount(Note note) => 1;

    /// <summary>
    /// Changes one posted message to follow the note as it is now (<paramref name="messageIds"/>: the post's messages, one
    /// per part). Refusals are <see cref="PlatformException"/>s, classified as for sends.
    /// </summary>
    Task<MessageChanged> ChangeAsync(Note note, MessageEdit edit, IReadOnlyList<string> messageIds, CancellationToken ct) =>
        Task.FromResult(MessageChanged.Done);

    /// <summary>
    /// For a paused destination with nothing waiting: whether the bot may post there again, asked without posting.
    /// Null when the platform cannot tell without posting; then the next waiting note is the probe.
    /// </summary>
    Task<bool?> CanPostAsync(CancellationToken ct) => Task.FromResult<bool?>(null);
}
