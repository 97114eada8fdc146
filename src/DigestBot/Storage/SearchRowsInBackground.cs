using System.Threading.Channels;
using DigestBot.Notes;

namespace DigestBot.Storage;

/// <summary>
/// The search index rows of the notes a <see cref="NoteWriter"/> inserts, and their words, prepared on another thread
/// while the writer's thread goes on with SQLite: an import is one transaction on one connection, so this was the only
/// work of it that a second core could take (about a tenth of it). Notes are taken in insertion order, so the rows and
/// the words come out as the writer would have made them itself.
/// </summary>
internal sealed class SearchRowsInBackground
{
    private readonly Channel<(long Id, Note Note)> inserted = Channel.CreateUnbounded<(long Id, Note Note)>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    private readonly Task<SearchRows> preparing;

    public SearchRowsInBackground()
    {
        preparing = Task.Run(PrepareAsync);
    }

    public void Add(long id, Note note) => inserted.Writer.TryWrite((id, note));

    /// <summary>Every note added, prepared.</summary>
    public Task<SearchRows> CompleteAsync()
    {
        inserted.Writer.TryComplete();
        return preparing;
    }

    private async Task<SearchRows> PrepareAsync()
    {
        var rows = new List<SearchRow>();
        var words = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var (id, note) in inserted.Reader.ReadAllAsync())
        {
            SearchText.AddWords(note.Title, words);
            SearchText.AddWords(note.Abstract, words);
            SearchText.AddWords(note.Commentary, words);
            rows.Add(new SearchRow(id, SearchText.ForIndex(note.Title), SearchText.ForIndex(note.Abstract), SearchText.ForIndex(note.Commentary)));
        }

        return new SearchRows(rows, words);
    }
}

/// <summary>One note's row of the search index, its text as <see cref="SearchText.ForIndex"/> makes it.</summary>
internal sealed record SearchRow(long Id, string Title, string Abstract, string Commentary);

/// <summary>The rows of a batch of notes, and the words they add to the index's vocabulary.</summary>
internal sealed record SearchRows(IReadOnlyList<SearchRow> Rows, IReadOnlyCollection<string> Words);
