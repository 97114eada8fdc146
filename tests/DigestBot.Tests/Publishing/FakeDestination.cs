using DigestBot.Notes;
using DigestBot.Publishing;

namespace DigestBot.Tests.Publishing;

/// <summary>A destination that records every call and part, sends <see cref="PartsPerNote"/> parts, and fails on demand.</summary>
internal sealed class FakeDestination(string key, TimeProvider time) : IDestination
{
    private readonly Lock gate = new();
    private readonly List<(string Title, IReadOnlyList<string> AlreadySent, DateTimeOffset At)> calls = [];
    private readonly List<(string Title, int Part, string MessageId)> parts = [];

    public string Key => key;

    public int PartsPerNote { get; init; } = 1;

    /// <summary>Whether it stands for a subscribed chat rather than a channel.</summary>
    public bool IsSubscriber { get; init; }

    /// <summary>Asked before each part is sent: an exception to throw instead, or null to send it.</summary>
    public Func<Note, int, Exception?> FailWith { get; set; } = (_, _) => null;

    /// <summary>Runs inside each call before anything is sent, e.g. to look at the delivery record.</summary>
    public Func<Note, Task>? DuringSend { get; set; }

    public IReadOnlyList<(string Title, IReadOnlyList<string> AlreadySent, DateTimeOffset At)> Calls
    {
        get { lock (gate) { return [.. calls]; } }
    }

    public IReadOnlyList<(string Title, int Part, string MessageId)> Parts
    {
        get { lock (gate) { return [.. parts]; } }
    }

    public IReadOnlyList<string> PostedTitles => Parts.Where(p => p.Part == PartsPerNote).Select(p => p.Title).ToList();

    public async Task<string?> SendAsync(Note note, IReadOnlyList<string> sentMessageIds, Func<string, CancellationToken, Task> partSent, CancellationToken ct)
    {
        lock (gate)
        {
            calls.Add((note.Title, [.. sentMessageIds], time.GetUtcNow()));
        }

        if (DuringSend is { } hook)
        {
            await hook(note);
        }

        var ids = new List<string>(sentMessageIds);
        for (var part = ids.Count + 1; part <= PartsPerNote; part++)
        {
            if (FailWith(note, part) is { } failure)
            {
                throw failure;
            }

            var id = $"{note.Title}#{part}";
            lock (gate)
            {
                parts.Add((note.Title, part, id));
            }

            ids.Add(id);
            await partSent(id, ct);
        }

        return $"https://example.test/{key}/{ids[0]}";
    }
}
