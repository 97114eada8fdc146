using System.Globalization;
using DigestBot.Notes;
using Microsoft.Data.Sqlite;

namespace DigestBot.Storage;

/// <summary>
/// The statements that store a note, prepared once and reused for every note of an import: preparing the
/// insert also compiles its full-text trigger, which cost more than the insert itself when done per note.
/// </summary>
internal sealed class NoteInsertCommands : IAsyncDisposable
{
    private readonly SqliteCommand find;
    private readonly SqliteCommand insert;
    private readonly SqliteCommand insertTag;

    public NoteInsertCommands(SqliteConnection connection, SqliteTransaction tx)
    {
        find = SqlCommands.Create(connection, tx, "SELECT id FROM notes WHERE dedupe_key = $key", ("$key", ""));
        insert = SqlCommands.Create(
            connection,
            tx,
            """
            INSERT INTO notes (dedupe_key, arxiv_id, title, authors, abstract, links, commentary, digest_date, source, source_line, queue_position, created_at)
            VALUES ($key, $arxiv, $title, $authors, $abstract, $links, $commentary, $date, $source, $line,
                    (SELECT COALESCE(MAX(queue_position), 0) + 1 FROM notes), $now)
            RETURNING id
            """,
            ("$key", ""), ("$arxiv", null), ("$title", ""), ("$authors", ""), ("$abstract", ""), ("$links", ""),
            ("$commentary", ""), ("$date", null), ("$source", ""), ("$line", null), ("$now", ""));
        insertTag = SqlCommands.Create(connection, tx, "INSERT OR IGNORE INTO note_tags (note_id, tag) VALUES ($id, $tag)", ("$id", 0L), ("$tag", ""));
    }

    public async Task<long?> FindIdByKeyAsync(string key, CancellationToken ct)
    {
        find.Parameters["$key"].Value = key;
        return await find.ExecuteScalarAsync(ct) is long id ? id : null;
    }

    public async Task<long> InsertAsync(Note note, string key, string now, CancellationToken ct)
    {
        var p = insert.Parameters;
        p["$key"].Value = key;
        p["$arxiv"].Value = (object?)note.ArxivId ?? DBNull.Value;
        p["$title"].Value = note.Title;
        p["$authors"].Value = NoteRows.Json(note.Authors);
        p["$abstract"].Value = note.Abstract;
        p["$links"].Value = NoteRows.Json(note.Links);
        p["$commentary"].Value = note.Commentary;
        p["$date"].Value = note.Date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;
        p["$source"].Value = note.Source.Location;
        p["$line"].Value = (object?)note.Source.Line ?? DBNull.Value;
        p["$now"].Value = now;
        var id = (long)(await insert.ExecuteScalarAsync(ct))!;

        insertTag.Parameters["$id"].Value = id;
        foreach (var tag in note.Tags.Select(Tag.Canonical).Distinct())
        {
            insertTag.Parameters["$tag"].Value = tag;
            await insertTag.ExecuteNonQueryAsync(ct);
        }

        return id;
    }

    public async ValueTask DisposeAsync()
    {
        await find.DisposeAsync();
        await insert.DisposeAsync();
        await insertTag.DisposeAsync();
    }
}
