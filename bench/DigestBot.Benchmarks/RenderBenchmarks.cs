using BenchmarkDotNet.Attributes;
using DigestBot.Formatting.Slack;
using DigestBot.Formatting.Telegram;
using DigestBot.Notes;

namespace DigestBot.Benchmarks;

/// <summary>One note and all 10,000 of the generated digest, rendered for Telegram (HTML parts) and Slack (Block Kit).</summary>
[Config(typeof(BenchConfig))]
public class RenderBenchmarks
{
    private readonly TelegramNoteRenderer telegram = new();
    private readonly SlackNoteRenderer slack = new();
    private IReadOnlyList<Note> notes = [];
    private Note one = null!;

    [GlobalSetup]
    public void GenerateNotes()
    {
        notes = new CorpusGenerator().Notes(ImportBenchmarks.Notes);
        one = notes[0];
    }

    [Benchmark]
    public int TelegramOneNote() => telegram.Render(one).Count;

    [Benchmark]
    public int SlackOneNote() => slack.RenderThread(one).Count;

    [Benchmark]
    public int Telegram10000Notes()
    {
        var parts = 0;
        foreach (var note in notes)
        {
            parts += telegram.Render(note).Count;
        }

        return parts;
    }

    [Benchmark]
    public int Slack10000Notes()
    {
        var messages = 0;
        foreach (var note in notes)
        {
            messages += slack.RenderThread(note).Count;
        }

        return messages;
    }
}
