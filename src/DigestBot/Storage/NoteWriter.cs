using System.Globalization;
using DigestBot.Notes;
using Microsoft.Data.Sqlite;

namespace DigestBot.Storage;

/// <summary>
/// Inserts notes and their tags in one transaction, with each statement prepared once for the whole batch, and writes
/// their search index rows last, just before the commit, as <see cref="SearchRowsInBackground"/> prepared them
/// meanwhile. FTS5 writes out the terms it holds in memory whenever a
/// statement of the transaction opens a savepoint, and the inserts into notes and note_tags (with their triggers) do:
/// index rows written between them (or by a trigger) made one tiny segment per note to merge again, which was most of
/// the import's time (bench/README.md). Written together, they make a few large segments.
/// </summary>
internal sealed class NoteWriter(SqliteConnection connection, SqliteTransaction tx) : IAsyncDisposable
{
    private SearchRowsInBackground? searchRows;

    private readonly SqliteCommand find = SqlCommands.Create(connection, tx, "SELECT id FROM notes WHERE dedupe_key = $key", ("$key", ""));

    private readonly SqliteCommand insert = SqlCommands.Create(
        connection,
        tx,
        """
        INSERT INTO notes (dedupe_key, arxiv_id, title, authors, abstract, links, commentary, digest_date, source, source_line, queue_position, created_at)
        VALUES ($key, $arxiv, $title, $authors, $abstract, $links, $commentary, $date, $source, $line,
                (SELECT COALESCE(MAX(queue_position), 0) + 1 FROM notes), $now)
        RETURNING id, queue_position
        """,
        ("$key", ""), ("$arxiv", null), ("$title", ""), ("$authors", ""), ("$abstract", ""), ("$links", ""), ("$commentary", ""),
        ("$date", null), ("$source", ""), ("$line", null), ("$now", ""));

    private readonly SqliteCommand tag = SqlCommands.Create(
        connection, tx, "INSERT OR IGNORE INTO note_tags (note_id, tag) VALUES ($id, $tag)", ("$id", 0L), ("$tag", ""));

    private readonly SqliteCommand word = SqlCommands.Create(connection, tx, "INSERT OR IGNORE INTO search_words (word) VALUES ($word)", ("$word", ""));

    private readonly SqliteCommand index = SqlCommands.Create(
        connection,
        tx,
        "INSERT INTO note_words (rowid, title, abstract, commentary) VALUES ($id, $title, $abstract, $commentary)",
        ("$id", 0L), ("$title", ""), ("$abstract", ""), ("$commentary", ""));

    public async Task<long?> FindIdByKeyAsync(string key, CancellationToken ct)
    {
        find.Parameters["$key"].Value = key;
        return await find.ExecuteScalarAsync(ct) is long id ? id : null;
    }

    /// <summary>Queues the note last; returns it as <see cref="NoteStore"/> would read it back.</summary>
    public async Task<StoredNote> InsertAsync(Note note, string key, string now, CancellationToken ct)
    {
        Set(insert, "$key", key);
        Set(insert, "$arxiv", note.ArxivId);
        Set(insert, "$title", note.Title);
        Set(insert, "$authors", NoteRows.Json(note.Authors));
        Set(insert, "$abstract", note.Abstract);
        Set(insert, "$links", NoteRows.Json(note.Links));
        Set(insert, "$commentary", note.Commentary);
        Set(insert, "$date", note.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Set(insert, "$source", note.Source.Location);
        Set(insert, "$line", note.Source.Line);
        Set(insert, "$now", now);
        long id, position;
        await using (var reader = await insert.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            id = reader.GetInt64(0);
            position = reader.GetInt64(1);
        }

        var tags = note.Tags.Select(Tag.Canonical).Distinct().ToList();
        foreach (var name in tags)
        {
            Set(tag, "$id", id);
            Set(tag, "$tag", name);
            await tag.ExecuteNonQueryAsync(ct);
        }

        (searchRows ??= new SearchRowsInBackground()).Add(id, note);
        return new StoredNote(id, note with { Tags = tags }, position, null, []);
    }

    /// <summary>Writes the search index rows of the notes inserted, and their words, then commits.</summary>
    public async Task CommitAsync(CancellationToken ct)
    {
        if (searchRows is not null)
        {
            var prepared = await searchRows.CompleteAsync();
            searchRows = null;
            foreach (var name in prepared.Words)
            {
                Set(word, "$word", name);
                await word.ExecuteNonQueryAsync(ct);
            }

            foreach (var row in prepared.Rows)
            {
                Set(index, "$id", row.Id);
                Set(index, "$title", row.Title);
                Set(index, "$abstract", row.Abstract);
                Set(index, "$commentary", row.Commentary);
                await index.ExecuteNonQueryAsync(ct);
            }
        }

        await tx.CommitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        // Not committed (a failure, a cancellation): let the preparing thread finish. Its rows are not wanted, and
        // neither is a failure of its own, which must not hide the one that stopped the import.
        if (searchRows is not null)
        {
            try
            {
                await searchRows.CompleteAsync();
            }
            catch (Exception)
            {
            }
        }

        await find.DisposeAsync();
        await insert.DisposeAsync();
        await tag.DisposeAsync();
        await word.DisposeAsync();
        await index.DisposeAsync();
    }

    private static void Set(SqliteCommand command, string name, object? value) => command.Parameters[name].Value = value ?? DBNull.Value;
}
