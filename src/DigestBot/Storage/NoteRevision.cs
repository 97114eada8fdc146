using System.Globalization;
using DigestBot.Notes;
using Microsoft.Data.Sqlite;

namespace DigestBot.Storage;

/// <summary>
/// Changes a stored note's content inside the caller's transaction, and in that same transaction records what follows
/// from it: an edit of every message already posted (<see cref="MessageEdit"/>) and a line of its history. The search
/// index follows by the triggers of 0006; tag counts and the archive's by those of 0005 and 0011.
/// </summary>
internal static class NoteRevision
{
    /// <summary>The fields a reader sees that differ, named as the curator knows them; empty when the note is unchanged.</summary>
    public static IReadOnlyList<string> Changes(Note stored, Note incoming)
    {
        var changed = new List<string>();
        Add("title", stored.Title == incoming.Title);
        Add("authors", stored.Authors.SequenceEqual(incoming.Authors, StringComparer.Ordinal));
        Add("abstract", stored.Abstract == incoming.Abstract);
        Add("links", stored.Links.SequenceEqual(incoming.Links, StringComparer.Ordinal));
        Add("commentary", stored.Commentary == incoming.Commentary);
        Add("tags", stored.Tags.SequenceEqual(incoming.Tags.Select(Tag.Canonical).Distinct(), StringComparer.Ordinal));
        Add("date", stored.Date == incoming.Date);
        return changed;

        void Add(string name, bool same)
        {
            if (!same)
            {
                changed.Add(name);
            }
        }
    }

    /// <summary>Writes <paramref name="note"/> over note <paramref name="id"/>; returns how many posted messages will be edited.</summary>
    public static async Task<int> ApplyAsync(
        SqliteConnection connection, SqliteTransaction tx, long id, Note note, IReadOnlyList<string> changed, string who, string now, CancellationToken ct)
    {
        await SqlCommands.ExecuteAsync(
            connection,
            tx,
            """
            UPDATE notes SET dedupe_key = $key, arxiv_id = $arxiv, title = $title, authors = $authors, abstract = $abstract, links = $links,
                commentary = $commentary, digest_date = $date, source = $source, source_line = $line, revised_at = $now
            WHERE id = $id
            """,
            ct,
            ("$key", NoteKey.For(note)),
            ("$arxiv", note.ArxivId),
            ("$title", note.Title),
            ("$authors", NoteRows.Json(note.Authors)),
            ("$abstract", note.Abstract),
            ("$links", NoteRows.Json(note.Links)),
            ("$commentary", note.Commentary),
            ("$date", note.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("$source", note.Source.Location),
            ("$line", note.Source.Line),
            ("$now", now),
            ("$id", id));
        if (changed.Contains("tags"))
        {
            // Deleted and inserted again in the new order: the count triggers take one off and put one back for a tag kept.
            await SqlCommands.ExecuteAsync(connection, tx, "DELETE FROM note_tags WHERE note_id = $id", ct, ("$id", id));
            foreach (var tag in note.Tags.Select(Tag.Canonical).Distinct())
            {
                await SqlCommands.ExecuteAsync(
                    connection,
                    tx,
                    "INSERT OR IGNORE INTO note_tags (note_id, tag, posted_at) VALUES ($id, $tag, (SELECT posted_at FROM notes WHERE id = $id))",
                    ct,
                    ("$id", id),
                    ("$tag", tag));
            }
        }

        await RecordAsync(connection, tx, id, who, "changed " + string.Join(", ", changed), note.Source.ToString(), now, ct);
        return await EditPostedAsync(connection, tx, id, now, ct);
    }

    /// <summary>
    /// An edit of every message of every finished delivery of the note, unless one not yet tried is waiting for it already:
    /// the lane renders the note as it is when it edits, so one waiting edit shows every later change too.
    /// </summary>
    public static Task<int> EditPostedAsync(SqliteConnection connection, SqliteTransaction tx, long id, string now, CancellationToken ct) =>
        EditPostedAsync(connection, tx, id, null, now, ct);

    /// <summary><see cref="EditPostedAsync(SqliteConnection, SqliteTransaction, long, string, CancellationToken)"/> for one destination's delivery.</summary>
    public static Task<int> EditPostedAsync(SqliteConnection connection, SqliteTransaction tx, long id, string? destination, string now, CancellationToken ct) =>
        PlanForMessagesAsync(
            connection, tx, id, destination, "edit", "d.state = 'sent'", "e.part = CAST(j.key AS INTEGER) AND e.state = 'pending' AND e.attempts = 0", now, ct);

    /// <summary>
    /// A deletion of every message the note's deliveries hold (to one destination, or all), unless one is recorded
    /// already: at a withdrawal, and when a delivery in flight at that moment finishes after it.
    /// </summary>
    public static Task<int> WithdrawPostedAsync(SqliteConnection connection, SqliteTransaction tx, long id, string? destination, string now, CancellationToken ct) =>
        PlanForMessagesAsync(connection, tx, id, destination, "withdraw", "1 = 1", "e.message_id = j.value", now, ct);

    /// <summary>A <paramref name="kind"/> record per message of the deliveries matching <paramref name="deliveries"/>, skipping a message one matching <paramref name="recorded"/> covers.</summary>
    private static Task<int> PlanForMessagesAsync(
        SqliteConnection connection, SqliteTransaction tx, long id, string? destination, string kind, string deliveries, string recorded, string now, CancellationToken ct) =>
        SqlCommands.ExecuteAsync(
            connection,
            tx,
            $"""
            INSERT INTO message_edits (note_id, destination, part, message_id, kind, state, created_at, updated_at)
            SELECT d.note_id, d.destination, CAST(j.key AS INTEGER), j.value, $kind, 'pending', $now, $now
            FROM deliveries d, json_each(d.message_ids) j
            WHERE d.note_id = $id AND ($dest IS NULL OR d.destination = $dest) AND {deliveries}
              AND NOT EXISTS (SELECT 1 FROM message_edits e
                              WHERE e.note_id = d.note_id AND e.destination = d.destination AND e.kind = $kind AND {recorded})
            ORDER BY d.destination, CAST(j.key AS INTEGER)
            """,
            ct,
            ("$id", id),
            ("$dest", destination),
            ("$kind", kind),
            ("$now", now));

    public static Task RecordAsync(
        SqliteConnection connection, SqliteTransaction? tx, long id, string who, string what, string? origin, string now, CancellationToken ct) =>
        SqlCommands.ExecuteAsync(
            connection,
            tx,
            "INSERT INTO note_changes (note_id, at, who, what, origin) VALUES ($id, $now, $who, $what, $origin)",
            ct,
            ("$id", id),
            ("$now", now),
            ("$who", who),
            ("$what", what),
            ("$origin", origin));
}
