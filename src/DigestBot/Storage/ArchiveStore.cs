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
    /// <summary>Which notes the archive shows. Every query below goes through it: a note taken back is left out here.</summary>
    private const string Shown = "n.posted_at IS NOT NULL";

    private const string NewestPosted = "n.posted_at DESC, n.id DESC";

    /// <summary>How many notes the archive shows.</summary>
    public async Task<int> CountAsync(CancellationToken ct)
    {
        await using var connection = await prepared.RentAsync(ct);
        var command = connection.Command($"SELECT COUNT(*) FROM notes n WHERE {Shown}");
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
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
            $"""
            n.id IN (SELECT t.note_id FROM note_tags t JOIN notes n ON n.id = t.note_id
                     WHERE t.tag = $tag AND t.posted_at IS NOT NULL AND {Shown}
                     ORDER BY t.posted_at DESC, t.note_id DESC LIMIT $take OFFSET $skip)
            """,
            NewestPosted,
            [("$tag", tag), ("$take", take), ("$skip", skip)],
            ct);
    }

    /// <summary>How many posted notes carry each month (<c>yyyy-MM</c>, UTC) for a canonical tag, oldest month first.</summary>
    public async Task<IReadOnlyList<(string Month, int Notes)>> MonthsAsync(string tag, CancellationToken ct)
    {
        await using var connection = await prepared.RentAsync(ct);
        var command = connection.Command(
            $"""
            SELECT substr(t.posted_at, 1, 7), COUNT(*) FROM note_tags t JOIN notes n ON n.id = t.note_id
            WHERE t.tag = $tag AND t.posted_at IS NOT NULL AND {Shown} GROUP BY 1 ORDER BY 1
            """);
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
