using System.Globalization;
using DigestBot.Notes;
using Microsoft.Data.Sqlite;

namespace DigestBot.Storage;

/// <summary>Notes, their tags and the queue order; lookups for chat commands and the command line.</summary>
internal sealed class NoteStore(SqliteDatabase database, PreparedConnections prepared, TimeProvider time)
{
    private const string QueuedCondition = "n.taken_at IS NULL";

    /// <summary>Stores the notes in one transaction, in order, skipping any already stored.</summary>
    public Task<ImportOutcome> ImportAsync(IReadOnlyList<Note> notes, CancellationToken ct) =>
        ImportAsync(notes.ToAsyncEnumerable(), ct);

    /// <summary>Stores the notes in one transaction as they come (<see cref="NotesParsedAhead"/>), in their order.</summary>
    public async Task<ImportOutcome> ImportAsync(IAsyncEnumerable<Note> notes, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var queued = new List<StoredNote>();
        var already = new List<(Note, long)>();
        var updated = new List<NoteUpdate>();
        var withdrawn = new List<(Note, long)>();
        var now = NoteRows.Time(time.GetUtcNow());
        await using (var writer = new NoteWriter(connection, tx))
        {
            await foreach (var note in notes.WithCancellation(ct))
            {
                var key = NoteKey.For(note);
                if (await writer.FindIdByKeyAsync(key, ct) is { } id)
                {
                    // The same paper with other content is the curator's correction: the stored note follows it.
                    var stored = (await SelectAsync(connection, "n.id = $id", "n.id", [("$id", id)], ct, tx))[0];
                    if (await SqlCommands.ScalarAsync(connection, tx, "SELECT withdrawn_at FROM notes WHERE id = $id", ct, ("$id", id)) is string)
                    {
                        withdrawn.Add((note, id));
                    }
                    else if (NoteRevision.Changes(stored.Note, note) is { Count: > 0 } changed)
                    {
                        var edits = await NoteRevision.ApplyAsync(connection, tx, id, note, changed, "import", now, ct);
                        updated.Add(new NoteUpdate(id, note.Title, changed, edits));
                    }
                    else
                    {
                        already.Add((note, id));
                    }

                    continue;
                }

                queued.Add(await writer.InsertAsync(note, key, now, ct));
            }

            await writer.CommitAsync(ct);
        }

        return new ImportOutcome(queued, already) { Updated = updated, Withdrawn = withdrawn };
    }

    /// <summary>The note with its deliveries to channels (see <see cref="NoteRows.SubscriberCopyKeys"/>).</summary>
    public async Task<StoredNote?> FindAsync(long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var found = await SelectAsync(connection, "n.id = $id", "n.id", [("$id", id)], ct);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>The note with every delivery, subscribed chats' included: for its history and the <c>publish</c> report.</summary>
    public async Task<StoredNote?> FindWithSubscriberCopiesAsync(long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var found = await SelectAsync(connection, "n.id = $id", "n.id", [("$id", id)], ct, subscriberCopies: true);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>Whether a curator withdrew the note (it stays stored, neither queued nor posted).</summary>
    public async Task<bool> IsWithdrawnAsync(long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await SqlCommands.ScalarAsync(connection, null, "SELECT withdrawn_at FROM notes WHERE id = $id", ct, ("$id", id)) is string;
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
        return await SelectAsync(connection, "EXISTS (SELECT 1 FROM deliveries d WHERE d.note_id = n.id AND d.state = 'failed')", "n.queue_position", [], ct, subscriberCopies: true);
    }

    public async Task<IReadOnlyList<TagCount>> TagsAsync(bool includeQueued, CancellationToken ct)
    {
        await using var connection = await prepared.RentAsync(ct);
        var command = connection.Command("SELECT tag, posted, queued FROM tag_counts ORDER BY tag");
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
    public async Task<IReadOnlyList<NoteSummary>> ByTagAsync(string tag, bool includeQueued, CancellationToken ct) =>
        (await ByTagPageAsync(tag, includeQueued, 1, int.MaxValue, ct)).Notes;

    /// <summary>
    /// Page <paramref name="page"/> of <see cref="ByTagAsync"/>, and the count of all: only the page's notes are read
    /// (as summaries), so a tag on a third of 100,000 notes does not load 30,000 notes to show ten.
    /// </summary>
    public async Task<NotePage> ByTagPageAsync(string tag, bool includeQueued, int page, int pageSize, CancellationToken ct)
    {
        await using var connection = await prepared.RentAsync(ct);
        if (!includeQueued)
        {
            // Posted notes only: the count is kept in tag_counts and the page comes from the (tag, posted_at) index, whatever the tag's size.
            return await ReadPageAsync(
                connection,
                "SELECT COALESCE((SELECT posted FROM tag_counts WHERE tag = $tag), 0)",
                "SELECT note_id FROM note_tags WHERE tag = $tag AND posted_at IS NOT NULL ORDER BY posted_at DESC, note_id DESC",
                ("$tag", Tag.Canonical(tag)),
                page,
                pageSize,
                ct);
        }

        const string where = "n.id IN (SELECT note_id FROM note_tags WHERE tag = $tag)";
        return await ReadPageAsync(
            connection,
            $"SELECT COUNT(*) FROM notes n WHERE {where}",
            $"SELECT n.id FROM notes n WHERE {where} ORDER BY {NewestFirst}",
            ("$tag", Tag.Canonical(tag)),
            page,
            pageSize,
            ct);
    }

    /// <summary>
    /// Every term must occur in the title, abstract or commentary, most recently added first: a word as a word or the
    /// start of one, Korean (and other CJK) text anywhere (see <see cref="SearchText"/>).
    /// </summary>
    public async Task<IReadOnlyList<NoteSummary>> SearchAsync(string words, bool includeQueued, CancellationToken ct) =>
        (await SearchPageAsync(words, includeQueued, 1, int.MaxValue, ct)).Notes;

    /// <summary>
    /// Page <paramref name="page"/> of <see cref="SearchAsync"/>, and the count of all up to <see cref="SearchCountLimit"/>
    /// (or the page's end, if further): past it the page says "more than". One statement gives both from one pass of the
    /// index: it streams the matching ids newest first and stops there, and for readers drops the few notes not yet
    /// posted on the way. Counting every match of a word in a third of 100,000 notes takes FTS5 15–25 ms, longer than the
    /// whole search is allowed.
    /// </summary>
    public async Task<NotePage> SearchPageAsync(string words, bool includeQueued, int page, int pageSize, CancellationToken ct)
    {
        await using var connection = await prepared.RentAsync(ct);
        if (SearchText.Match(words, await ExpansionsAsync(connection, words, ct)) is not { } match)
        {
            return new NotePage([], 0, 1, 1);
        }

        var wanted = Math.Max(SearchCountLimit, Math.Max(page, 1) * (long)pageSize) + 1;
        var command = connection.Command(
            $"""
            WITH found AS MATERIALIZED (
                SELECT rowid AS id FROM note_words WHERE note_words MATCH $match
                {(includeQueued ? "AND rowid NOT IN (SELECT id FROM notes WHERE withdrawn_at IS NOT NULL)" : "AND rowid NOT IN (SELECT id FROM notes WHERE posted_at IS NULL)")}
                ORDER BY rowid DESC LIMIT $wanted + 0)
            SELECT (SELECT COUNT(*) FROM found), (SELECT group_concat(id) FROM (SELECT id FROM found LIMIT $take + 0 OFFSET $skip + 0))
            """);
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$wanted", wanted);
        command.Parameters.AddWithValue("$take", pageSize);
        command.Parameters.AddWithValue("$skip", (Math.Max(page, 1) - 1) * (long)pageSize);
        var (count, ids) = await CountAndIdsAsync(command, ct);
        var capped = count == wanted;
        var total = (int)(capped ? count - 1 : count);
        // When capped there is at least one more match, so at least one more page.
        var pageCount = (int)Math.Max(1, (total + (capped ? 1 : 0) + (long)pageSize - 1) / pageSize);
        if (page < 1 || page > pageCount)
        {
            page = Math.Clamp(page, 1, pageCount);
            command.Parameters["$skip"].Value = (page - 1) * (long)pageSize;
            (_, ids) = await CountAndIdsAsync(command, ct);
        }

        IReadOnlyList<NoteSummary> notes = [];
        if (ids is not null)
        {
            // The ids are SQLite's own integers; this statement is new for each page, so it is not kept.
            await using var read = connection.Connection.CreateCommand();
            read.CommandText = NoteSummaryRows.Sql(null, $"n.id IN ({ids})", "n.id DESC");
            notes = await NoteSummaryRows.ReadAsync(read, ct);
        }

        return new NotePage(notes, total, page, pageCount) { MoreThanTotal = capped };
    }

    /// <summary>For each prefix in <paramref name="words"/>, the index's words it starts (one more than <see cref="SearchText.MaxExpansions"/> at most).</summary>
    private static async Task<Dictionary<string, IReadOnlyList<string>>> ExpansionsAsync(PreparedConnection connection, string words, CancellationToken ct)
    {
        var expansions = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var prefix in SearchText.PrefixesOf(words))
        {
            // Prefixes are plain ASCII, so the next character up bounds the range.
            var next = prefix[..^1] + (char)(prefix[^1] + 1);
            var command = connection.Command("SELECT word FROM search_words WHERE word >= $prefix AND word < $next ORDER BY word LIMIT $most + 0");
            command.Parameters.AddWithValue("$prefix", prefix);
            command.Parameters.AddWithValue("$next", next);
            command.Parameters.AddWithValue("$most", SearchText.MaxExpansions + 1);
            var found = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                found.Add(reader.GetString(0));
            }

            expansions[prefix] = found;
        }

        return expansions;
    }

    private static async Task<(long Count, string? Ids)> CountAndIdsAsync(SqliteCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    /// <summary>Searches count their matches exactly up to here.</summary>
    public const int SearchCountLimit = 1_000;

    /// <summary>Counts the matches, then orders only their ids and reads the page's notes alone, with prepared statements.</summary>
    /// <param name="countSql">The number of matches.</param>
    /// <param name="idsSql">The matching note ids in the order shown; the page's LIMIT and OFFSET are added here, and the
    /// page's summaries are read in the same statement.</param>
    private static async Task<NotePage> ReadPageAsync(
        PreparedConnection connection,
        string countSql,
        string idsSql,
        (string Name, object Value) parameter,
        int page,
        int pageSize,
        CancellationToken ct)
    {
        var count = connection.Command(countSql);
        count.Parameters.AddWithValue(parameter.Name, parameter.Value);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        var pageCount = (int)Math.Max(1, (total + (long)pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        if (total == 0)
        {
            return new NotePage([], 0, page, pageCount);
        }

        var read = connection.Command(NoteSummaryRows.Sql($"WITH page(id) AS ({idsSql} LIMIT $take + 0 OFFSET $skip + 0)", "n.id IN (SELECT id FROM page)", NewestFirst));
        read.Parameters.AddWithValue(parameter.Name, parameter.Value);
        read.Parameters.AddWithValue("$take", pageSize);
        read.Parameters.AddWithValue("$skip", (page - 1) * (long)pageSize);
        return new NotePage(await NoteSummaryRows.ReadAsync(read, ct), total, page, pageCount);
    }

    private const string NewestFirst = "COALESCE(n.posted_at, '9999') DESC, n.digest_date DESC, n.queue_position DESC";

    internal static async Task<IReadOnlyList<StoredNote>> SelectAsync(
        SqliteConnection connection,
        string where,
        string orderBy,
        IEnumerable<(string Name, object Value)> parameters,
        CancellationToken ct,
        SqliteTransaction? tx = null,
        bool subscriberCopies = false)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"SELECT {NoteRows.Columns} FROM notes n WHERE {where} ORDER BY {orderBy}";
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await NoteRows.ReadNotesAsync(command, subscriberCopies, ct);
    }
}
