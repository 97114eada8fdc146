using System.Globalization;
using DigestBot.Notes;

namespace DigestBot.Storage;

/// <summary>
/// Read-only lookups for the web archive: posted notes only, newest posted first, read whole (commentary, abstract,
/// tags and posts). "Posted" is the store's own notion (<c>posted_at</c>, set with the first sent delivery), the one
/// <c>/tag</c> and <c>/search</c> use, so the archive and the chat agree.
/// </summary>
internal sealed class ArchiveStore(PreparedConnections prepared)
{
    /// <summary>
    /// Which notes the archive shows. Every query that lists notes goes through it, so a note taken back is left out here;
    /// the counts (<c>posted_notes</c>, <c>tag_counts</c>, <c>tag_months</c>) follow <c>posted_at</c> through their triggers.
    /// </summary>
    private const string Shown = "n.posted_at IS NOT NULL";

    private const string NewestPosted = "n.posted_at DESC, n.id DESC";

    /// <summary>How many notes the archive shows: kept by triggers (0011), as counting them took longer than a page may.</summary>
    public async Task<int> CountAsync(CancellationToken ct)
    {
        await using var connection = await prepared.RentAsync(ct);
        var command = connection.Command("SELECT COALESCE((SELECT count FROM posted_notes WHERE id = 1), 0)");
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// What a feed of the <paramref name="take"/> newest posts (of a canonical <paramref name="tag"/>, or of all) shows, in
    /// a few bytes read from indexes alone: each note's id, when it was posted, and how many of its posts are sent (a post
    /// that arrives later adds its link). A change that edits a posted note must show here too, so that feed readers fetch it.
    /// </summary>
    public async Task<(string Version, DateTimeOffset? Newest)> FeedVersionAsync(string? tag, int take, CancellationToken ct)
    {
        await using var connection = await prepared.RentAsync(ct);
        var command = connection.Command(
            $"""
            SELECT group_concat(f.id || ' ' || f.posted_at || ' ' || (SELECT COUNT(*) FROM deliveries d WHERE d.note_id = f.id AND d.state = 'sent')
                || ' ' || COALESCE((SELECT revised_at FROM notes r WHERE r.id = f.id), ''), ','), MAX(f.posted_at)
            FROM ({(tag is null
                ? $"SELECT n.id, n.posted_at FROM notes n WHERE {Shown} ORDER BY {NewestPosted} LIMIT $take + 0"
                : "SELECT note_id AS id, posted_at FROM note_tags WHERE tag = $tag AND posted_at IS NOT NULL ORDER BY posted_at DESC, note_id DESC LIMIT $take + 0")}) AS f
            """);
        command.Parameters.AddWithValue("$take", take);
        command.Parameters.AddWithValue("$tag", tag ?? "");
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.IsDBNull(0) ? "" : reader.GetString(0), NoteRows.Time(reader, 1));
    }

    /// <summary>The <paramref name="take"/> newest posted notes after skipping <paramref name="skip"/>.</summary>
    public async Task<IReadOnlyList<StoredNote>> NewestAsync(int skip, int take, CancellationToken ct)
    {
        await using var connection = await prepared.RentAsync(ct);
        return await NoteStore.SelectAsync(
            connection.Connection,
            $"n.id IN (SELECT n.id FROM notes n WHERE {Shown} ORDER BY {NewestPosted} LIMIT $take OFFSET $skip)",
            NewestPosted,
            [("$take", take), ("$skip", skip)],
            ct);
    }

    /// <summary>Every posted note, newest first, for the static export.</summary>
    public async Task<IReadOnlyList<StoredNote>> AllAsync(CancellationToken ct)
    {
        await using var connection = await prepared.RentAsync(ct);
        return await NoteStore.SelectAsync(connection.Connection, Shown, NewestPosted, [], ct);
    }

    /// <summary>The note if it is posted; null for an unknown or queued note.</summary>
    public async Task<StoredNote?> FindAsync(long id, CancellationToken ct)
    {
        await using var connection = await prepared.RentAsync(ct);
        var found = await NoteStore.SelectAsync(connection.Connection, $"n.id = $id AND {Shown}", "n.id", [("$id", id)], ct);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>The notes with these ids that are posted, in the order of <paramref name="ids"/>.</summary>
    public async Task<IReadOnlyList<StoredNote>> FindAllAsync(IReadOnlyList<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        await using var connection = await prepared.RentAsync(ct);
        var list = string.Join(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        var found = await NoteStore.SelectAsync(connection.Connection, $"n.id IN ({list}) AND {Shown}", "n.id", [], ct);
        var byId = found.ToDictionary(n => n.Id);
        return ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
    }

    /// <summary>Page of a tag's posted notes (canonical <paramref name="tag"/>), newest posted first, from the (tag, posted_at) index.</summary>
    public async Task<IReadOnlyList<StoredNote>> ByTagAsync(string tag, int skip, int take, CancellationToken ct)
    {
        await using var connection = await prepared.RentAsync(ct);
        return await NoteStore.SelectAsync(
            connection.Connection,
            // note_tags.posted_at is the note's own (0004), so the page comes from the (tag, posted_at) index alone: joining
            // notes to page made SQLite walk every posted note in order, 90 ms for page 1,000 of a tag on 30,000 notes.
            $"""
            n.id IN (SELECT note_id FROM note_tags WHERE tag = $tag AND posted_at IS NOT NULL
                     ORDER BY posted_at DESC, note_id DESC LIMIT $take OFFSET $skip) AND {Shown}
            """,
            NewestPosted,
            [("$tag", tag), ("$take", take), ("$skip", skip)],
            ct);
    }

    /// <summary>How many posted notes carry a canonical tag, per month (<c>yyyy-MM</c>, UTC), oldest first: kept by triggers (0011).</summary>
    public async Task<IReadOnlyList<(string Month, int Notes)>> MonthsAsync(string tag, CancellationToken ct)
    {
        await using var connection = await prepared.RentAsync(ct);
        var command = connection.Command("SELECT month, posted FROM tag_months WHERE tag = $tag AND posted > 0 ORDER BY month");
        command.Parameters.AddWithValue("$tag", tag);
        var months = new List<(string, int)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            months.Add((reader.GetString(0), reader.GetInt32(1)));
        }

        return months;
    }

    /// <summary>Every tag on a posted note, with its count of posted notes.</summary>
    public async Task<IReadOnlyList<TagCount>> TagsAsync(CancellationToken ct)
    {
        await using var connection = await prepared.RentAsync(ct);
        var command = connection.Command("SELECT tag, posted FROM tag_counts WHERE posted > 0 ORDER BY tag");
        var tags = new List<TagCount>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            tags.Add(new TagCount(reader.GetString(0), reader.GetInt32(1), 0));
        }

        return tags;
    }

    /// <summary>The count of a canonical tag's posted notes.</summary>
    public async Task<int> TagCountAsync(string tag, CancellationToken ct)
    {
        await using var connection = await prepared.RentAsync(ct);
        var command = connection.Command("SELECT COALESCE((SELECT posted FROM tag_counts WHERE tag = $tag), 0)");
        command.Parameters.AddWithValue("$tag", Tag.Canonical(tag));
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }
}
