using System.Globalization;
using DigestBot.Notes;
using Microsoft.Data.Sqlite;

namespace DigestBot.Storage;

/// <summary>Notes, their tags and the queue order; lookups for chat commands and the command line.</summary>
internal sealed class NoteStore(SqliteDatabase database, TimeProvider time)
{
    private const string QueuedCondition = "n.taken_at IS NULL";
    private const string PostedCondition = "n.posted_at IS NOT NULL";

    /// <summary>Stores the notes in one transaction, in order, skipping any already stored.</summary>
    public async Task<ImportOutcome> ImportAsync(IReadOnlyList<Note> notes, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var queuedIds = new List<long>();
        var already = new List<(Note, long)>();
        var now = NoteRows.Time(time.GetUtcNow());
        foreach (var note in notes)
        {
            var key = NoteKey.For(note);
            var existing = await FindIdByKeyAsync(connection, tx, key, ct);
            if (existing is { } id)
            {
                already.Add((note, id));
                continue;
            }

            queuedIds.Add(await InsertAsync(connection, tx, note, key, now, ct));
        }

        await tx.CommitAsync(ct);
        var queued = queuedIds.Count == 0 ? [] : await SelectAsync(connection, $"n.id IN ({string.Join(',', queuedIds)})", "n.queue_position", [], ct);
        return new ImportOutcome(queued, already);
    }

    public async Task<StoredNote?> FindAsync(long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var found = await SelectAsync(connection, "n.id = $id", "n.id", [("$id", id)], ct);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<StoredNote?> FindByKeyAsync(Note note, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var found = await SelectAsync(connection, "n.dedupe_key = $key", "n.id", [("$key", NoteKey.For(note))], ct);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>Notes waiting for a slot, in posting order.</summary>
    public async Task<IReadOnlyList<StoredNote>> QueuedAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await SelectAsync(connection, QueuedCondition, "n.queue_position", [], ct);
    }

    /// <summary>The ids of <see cref="QueuedAsync"/>, in posting order, without reading the notes.</summary>
    public async Task<IReadOnlyList<QueuedId>> QueuedIdsAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT n.id, n.metadata_pending = 0 FROM notes n WHERE {QueuedCondition} ORDER BY n.queue_position";
        var ids = new List<QueuedId>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(new QueuedId(reader.GetInt64(0), reader.GetBoolean(1)));
        }

        return ids;
    }

    /// <summary>Notes taken from the queue whose delivery to some destination failed for good.</summary>
    public async Task<IReadOnlyList<StoredNote>> FailedAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await SelectAsync(connection, "EXISTS (SELECT 1 FROM deliveries d WHERE d.note_id = n.id AND d.state = 'failed')", "n.queue_position", [], ct);
    }

    public async Task<IReadOnlyList<TagCount>> TagsAsync(bool includeQueued, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT tag, posted, queued FROM tag_counts ORDER BY tag";
        var result = new List<TagCount>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var count = new TagCount(reader.GetString(0), reader.GetInt32(1), includeQueued ? reader.GetInt32(2) : 0);
            if (count.Total > 0)
            {
                result.Add(count);
            }
        }

        return result;
    }

    /// <summary>Notes carrying the tag (any spelling: case, <c>-</c> or <c>_</c>, leading <c>#</c>), newest first.</summary>
    public async Task<IReadOnlyList<StoredNote>> ByTagAsync(string tag, bool includeQueued, CancellationToken ct) =>
        (await ByTagPageAsync(tag, includeQueued, 1, int.MaxValue, ct)).Notes;

    /// <summary>
    /// Page <paramref name="page"/> of <see cref="ByTagAsync"/>, and the count of all: only the page's notes are read
    /// whole, so a tag on a third of 100,000 notes does not load 30,000 notes to show ten.
    /// </summary>
    public async Task<NotePage> ByTagPageAsync(string tag, bool includeQueued, int page, int pageSize, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        if (!includeQueued)
        {
            return await PostedByTagPageAsync(connection, Tag.Canonical(tag), page, pageSize, ct);
        }

        return await PageAsync(
            connection,
            "n.id IN (SELECT note_id FROM note_tags WHERE tag = $tag)",
            [("$tag", Tag.Canonical(tag))],
            page,
            pageSize,
            ct);
    }

    /// <summary>Posted notes only: the count is kept in tag_counts and the page comes from the (tag, posted_at) index, whatever the tag's size.</summary>
    private static Task<NotePage> PostedByTagPageAsync(SqliteConnection connection, string tag, int page, int pageSize, CancellationToken ct) =>
        ReadPageAsync(
            connection,
            "SELECT COALESCE((SELECT posted FROM tag_counts WHERE tag = $tag), 0)",
            "SELECT note_id FROM note_tags WHERE tag = $tag AND posted_at IS NOT NULL ORDER BY posted_at DESC, note_id DESC",
            [("$tag", tag)],
            page,
            pageSize,
            ct);

    /// <summary>Every word must occur in the title, abstract or commentary; substrings match, Korean included.</summary>
    public async Task<IReadOnlyList<StoredNote>> SearchAsync(string words, bool includeQueued, CancellationToken ct) =>
        (await SearchPageAsync(words, includeQueued, 1, int.MaxValue, ct)).Notes;

    /// <summary>Page <paramref name="page"/> of <see cref="SearchAsync"/>, and the count of all.</summary>
    public async Task<NotePage> SearchPageAsync(string words, bool includeQueued, int page, int pageSize, CancellationToken ct)
    {
        var terms = words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (terms.Length == 0)
        {
            return new NotePage([], 0, 1, 1);
        }

        var conditions = new List<string>();
        var parameters = new List<(string, object)>();
        var ftsTerms = terms.Where(t => t.EnumerateRunes().Count() >= 3).ToList();
        if (ftsTerms.Count > 0)
        {
            // Each term is a quoted phrase so FTS5 syntax in user input stays data.
            var match = string.Join(" AND ", ftsTerms.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
            conditions.Add("n.id IN (SELECT rowid FROM notes_fts WHERE notes_fts MATCH $match)");
            parameters.Add(("$match", match));
        }

        // The trigram index cannot match terms shorter than three characters; those are scanned.
        var i = 0;
        foreach (var shortTerm in terms.Where(t => t.EnumerateRunes().Count() < 3))
        {
            var name = "$like" + i.ToString(CultureInfo.InvariantCulture);
            conditions.Add($"(n.title LIKE {name} ESCAPE '\\' OR n.abstract LIKE {name} ESCAPE '\\' OR n.commentary LIKE {name} ESCAPE '\\')");
            parameters.Add((name, "%" + EscapeLike(shortTerm) + "%"));
            i++;
        }

        if (!includeQueued)
        {
            conditions.Add(PostedCondition);
        }

        await using var connection = await database.OpenAsync(ct);
        return await PageAsync(connection, string.Join(" AND ", conditions), parameters, page, pageSize, ct);
    }

    /// <summary>Counts the matches, then orders only their ids and reads whole notes for the page alone.</summary>
    private static Task<NotePage> PageAsync(
        SqliteConnection connection, string where, IReadOnlyList<(string Name, object Value)> parameters, int page, int pageSize, CancellationToken ct) =>
        ReadPageAsync(
            connection,
            $"SELECT COUNT(*) FROM notes n WHERE {where}",
            $"SELECT n.id FROM notes n WHERE {where} ORDER BY {NewestFirst}",
            parameters,
            page,
            pageSize,
            ct);

    /// <param name="countSql">The number of matches.</param>
    /// <param name="idsSql">The matching note ids in the order shown; the page's LIMIT and OFFSET are added here.</param>
    private static async Task<NotePage> ReadPageAsync(
        SqliteConnection connection,
        string countSql,
        string idsSql,
        IReadOnlyList<(string Name, object Value)> parameters,
        int page,
        int pageSize,
        CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = countSql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var total = Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        var pageCount = (int)Math.Max(1, (total + (long)pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        if (total == 0)
        {
            return new NotePage([], 0, page, pageCount);
        }

        command.CommandText = idsSql + " LIMIT $take OFFSET $skip";
        command.Parameters.AddWithValue("$take", pageSize);
        command.Parameters.AddWithValue("$skip", (page - 1) * (long)pageSize);
        var ids = new List<long>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        var notes = await SelectAsync(connection, $"n.id IN ({string.Join(',', ids)})", NewestFirst, [], ct);
        return new NotePage(notes, total, page, pageCount);
    }

    private const string NewestFirst = "COALESCE(n.posted_at, '9999') DESC, n.digest_date DESC, n.queue_position DESC";

    private static string EscapeLike(string term) =>
        term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    internal static async Task<IReadOnlyList<StoredNote>> SelectAsync(
        SqliteConnection connection, string where, string orderBy, IEnumerable<(string Name, object Value)> parameters, CancellationToken ct, SqliteTransaction? tx = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"SELECT {NoteRows.Columns} FROM notes n WHERE {where} ORDER BY {orderBy}";
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await NoteRows.ReadNotesAsync(command, ct);
    }

    internal static async Task<long?> FindIdByKeyAsync(SqliteConnection connection, SqliteTransaction tx, string key, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "SELECT id FROM notes WHERE dedupe_key = $key";
        command.Parameters.AddWithValue("$key", key);
        return await command.ExecuteScalarAsync(ct) is long id ? id : null;
    }

    internal static async Task<long> InsertAsync(SqliteConnection connection, SqliteTransaction tx, Note note, string key, string now, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = """
            INSERT INTO notes (dedupe_key, arxiv_id, title, authors, abstract, links, commentary, digest_date, source, source_line, queue_position, created_at)
            VALUES ($key, $arxiv, $title, $authors, $abstract, $links, $commentary, $date, $source, $line,
                    (SELECT COALESCE(MAX(queue_position), 0) + 1 FROM notes), $now)
            RETURNING id
            """;
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$arxiv", (object?)note.ArxivId ?? DBNull.Value);
        command.Parameters.AddWithValue("$title", note.Title);
        command.Parameters.AddWithValue("$authors", NoteRows.Json(note.Authors));
        command.Parameters.AddWithValue("$abstract", note.Abstract);
        command.Parameters.AddWithValue("$links", NoteRows.Json(note.Links));
        command.Parameters.AddWithValue("$commentary", note.Commentary);
        command.Parameters.AddWithValue("$date", note.Date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value);
        command.Parameters.AddWithValue("$source", note.Source.Location);
        command.Parameters.AddWithValue("$line", (object?)note.Source.Line ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", now);
        var id = (long)(await command.ExecuteScalarAsync(ct))!;

        foreach (var tag in note.Tags.Select(Tag.Canonical).Distinct())
        {
            await using var tagCommand = connection.CreateCommand();
            tagCommand.Transaction = tx;
            tagCommand.CommandText = "INSERT OR IGNORE INTO note_tags (note_id, tag) VALUES ($id, $tag)";
            tagCommand.Parameters.AddWithValue("$id", id);
            tagCommand.Parameters.AddWithValue("$tag", tag);
            await tagCommand.ExecuteNonQueryAsync(ct);
        }

        return id;
    }
}
