using DigestBot.Publishing;
using DigestBot.Storage;

namespace DigestBot.Cli;

/// <summary>
/// <c>history &lt;note id&gt;</c>: what became of a note — every change curators made (who, when, what, from where), every
/// delivery and every edit or deletion of a posted message, with the platforms' message ids and words.
/// </summary>
internal static class HistoryVerb
{
    public static async Task<int> RunAsync(long id, IServiceProvider services, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var notes = services.GetRequiredService<NoteStore>();
        if (await notes.FindWithSubscriberCopiesAsync(id, ct) is not { } stored)
        {
            await stderr.WriteLineAsync($"There is no note {id}. queue lists the queued notes with their ids.");
            return 1;
        }

        var schedule = services.GetRequiredService<SlotSchedule>();
        var state = await notes.IsWithdrawnAsync(id, ct) ? "withdrawn" : stored.TakenAt is null ? "queued" : stored.IsPosted ? "posted" : "taken for posting";
        await stdout.WriteLineAsync($"Note {id}: “{stored.Note.Title}” from {stored.Note.Source}, {state}");
        foreach (var change in await services.GetRequiredService<NoteCuration>().ChangesAsync(id, ct))
        {
            await stdout.WriteLineAsync($"  {schedule.Display(change.At)}  {change.Who}: {change.What}{(change.Origin is null ? "" : " (" + change.Origin + ")")}");
        }

        foreach (var delivery in stored.Deliveries)
        {
            await stdout.WriteLineAsync(
                $"  {delivery.Destination}: {delivery.State.ToString().ToLowerInvariant()}{(delivery.SentAt is { } sent ? " " + schedule.Display(sent) : "")}"
                + $", messages [{string.Join(", ", delivery.MessageIds)}]{(delivery.Permalink is null ? "" : " " + delivery.Permalink)}{(delivery.Reason is null ? "" : ": " + delivery.Reason)}");
        }

        foreach (var edit in await services.GetRequiredService<MessageEditStore>().ForNoteAsync(id, ct))
        {
            await stdout.WriteLineAsync(
                $"  {schedule.Display(edit.UpdatedAt)}  {edit.Destination}: {edit.Kind.ToString().ToLowerInvariant()} of part {edit.Part + 1} "
                + $"(message {edit.MessageId ?? "new"}): {edit.State.ToString().ToLowerInvariant()}{(edit.Reason is null ? "" : ", " + edit.Reason)}");
        }

        return 0;
    }
}
