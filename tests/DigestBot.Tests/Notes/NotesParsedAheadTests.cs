using System.Text;
using DigestBot.Importing;
using DigestBot.Notes;
using DigestBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Tests.Notes;

/// <summary>A digest file is stored while it is still being parsed, with nothing lost, reordered or left running.</summary>
public sealed class NotesParsedAheadTests : Storage.DatabaseTests
{
    [Fact]
    public async Task A_large_digest_is_queued_in_file_order_with_every_problem_it_has()
    {
        var digest = new StringBuilder();
        for (var i = 1; i <= 600; i++)
        {
            // Note 300 has no abstract: rejected, and the notes after it still queued.
            digest.Append($"Paper {i}\n(Author A, Author B)\n").Append(i == 300 ? "" : $"Abstract of paper {i}.\n")
                .Append($"https://arxiv.org/abs/2407.{i:D5}\n코멘트 {i}\n#tag{i % 3}\n\n");
        }

        var path = folder.Write("digest.txt", digest.Append("Unfinished paper\nIts abstract.\n").ToString());

        var report = await services.GetRequiredService<NoteImporter>().ImportFileAsync(path, default);

        var expected = Enumerable.Range(1, 600).Where(i => i != 300).Select(i => $"Paper {i}").ToList();
        Assert.Equal(expected, report.Outcome.Queued.Select(n => n.Note.Title));
        Assert.Equal(expected, (await services.GetRequiredService<NoteStore>().QueuedAsync(default)).Select(n => n.Note.Title));
        // Seven lines a note, and note 300 one short.
        Assert.Equal([(299 * 7) + 1, 600 * 7], report.Problems.Select(p => p.Line));
        Assert.Contains("no abstract", report.Problems[0].Reason, StringComparison.Ordinal);
        Assert.Contains("unfinished note", report.Problems[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parser_failure_reaches_the_reader_after_the_notes_before_it()
    {
        var read = new List<string>();

        var failure = await Assert.ThrowsAsync<InvalidDataException>(async () =>
        {
            await foreach (var note in NotesParsedAhead.Of(FailingAfter(2)))
            {
                read.Add(note.Title);
            }
        });

        Assert.Equal(["Paper 1", "Paper 2"], read);
        Assert.Equal("broken after 2", failure.Message);
    }

    [Fact]
    public async Task A_reader_that_stops_early_stops_the_parser_before_going_on()
    {
        var source = new SlowSource();

        await foreach (var note in NotesParsedAhead.Of(source.Notes()))
        {
            Assert.Equal("Paper 1", note.Title);
            break;
        }

        // The loop's end waited for the parser to stop: it has finished, so nothing can be parsed after it.
        var parsed = source.Parsed;
        Assert.True(source.Finished);
        Assert.True(parsed < SlowSource.Count, $"parsed all {parsed} notes");
    }

    private static IEnumerable<Note> FailingAfter(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            yield return NoteFactory.Paper($"Paper {i}");
        }

        throw new InvalidDataException($"broken after {count}");
    }

    private sealed class SlowSource
    {
        public const int Count = 5_000;

        private int parsed;

        public int Parsed => Volatile.Read(ref parsed);

        public bool Finished { get; private set; }

        public IEnumerable<Note> Notes()
        {
            try
            {
                for (var i = 1; i <= Count; i++)
                {
                    Interlocked.Increment(ref parsed);
                    yield return NoteFactory.Paper($"Paper {i}");
                    Thread.Sleep(1);
                }
            }
            finally
            {
                Finished = true;
            }
        }
    }
}
