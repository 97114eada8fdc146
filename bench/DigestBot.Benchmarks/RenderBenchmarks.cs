using BenchmarkDotNet.Attributes;
using DigestBot.Formatting;
using DigestBot.Formatting.Slack;
using DigestBot.Formatting.Telegram;
using DigestBot.Notes;
using Microsoft.Extensions.Options;

namespace DigestBot.Benchmarks;

/// <summary>
/// One note and all 10,000 of the generated digest, rendered for Telegram (HTML parts) and Slack (Block Kit), and
/// checked as every note is before it is stored (<see cref="NoteRenderCheck"/>: both platforms, one Markdig parse).
/// </summary>
[Config(typeof(BenchConfig))]
public class RenderBenchmarks
{
    private readonly TelegramNoteRenderer telegram = new();
    private readonly SlackNoteRenderer slack = new();
    private readonly NoteRenderCheck check = new(Options.Create(new NotesOptions()));
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

    [Benchmark]
    public int Check10000Notes()
    {
        var refused = 0;
        foreach (var note in notes)
        {
            refused += check.Problem(note) is null ? 0 : 1;
        }

        return refused;
    }
}
