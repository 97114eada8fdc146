using System.Globalization;
using Microsoft.Data.Sqlite;

namespace DigestBot.Storage;

/// <summary>Reads <see cref="NoteSummary"/> rows: one statement for the notes and their posts together.</summary>
internal static class NoteSummaryRows
{
    /// <summary>
    /// The notes matching <paramref name="where"/> (over <c>notes n</c>), in <paramref name="orderBy"/> order, each with its
    /// sent deliveries to channels by destination, for <see cref="ReadAsync"/> (subscribed chats' copies are never linked
    /// and may be thousands). The paper link is the first of the note's links.
    /// </summary>
    public static string Sql(string? with, string where, string orderBy) =>
        $"""
        {with}
        SELECT n.id, n.title, n.digest_date, n.links ->> '$[0]', n.taken_at, d.destination, d.permalink, d.sent_at
        FROM notes n LEFT JOIN deliveries d ON d.note_id = n.id AND d.state = 'sent' AND d.destination NOT GLOB '{NoteRows.SubscriberCopyKeys}'
        WHERE {where}
        ORDER BY {orderBy}, d.destination
        """;

    /// <summary>Runs a command whose text is from <see cref="Sql"/>.</summary>
    public static async Task<IReadOnlyList<NoteSummary>> ReadAsync(SqliteCommand command, CancellationToken ct)
    {
        var notes = new List<NoteSummary>();
        List<NotePost>? posts = null;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetInt64(0);
            if (notes.Count == 0 || notes[^1].Id != id)
            {
                posts = [];
                notes.Add(new NoteSummary(
                    id,
                    reader.GetString(1),
                    reader.IsDBNull(2) ? null : DateOnly.ParseExact(reader.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    NoteRows.Time(reader, 4),
                    posts));
            }

            if (!reader.IsDBNull(5))
            {
                posts!.Add(new NotePost(reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6), NoteRows.Time(reader, 7)));
            }
        }

        return notes;
    }
}
