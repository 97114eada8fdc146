using System.Globalization;
using System.Text.Json;
using DigestBot.Notes;
using Microsoft.Data.Sqlite;

namespace DigestBot.Storage;

/// <summary>Maps note and delivery rows to records; every query that returns notes selects <see cref="Columns"/>.</summary>
internal static class NoteRows
{
    public const string Columns =
        "n.id, n.title, n.authors, n.abstract, n.links, n.arxiv_id, n.commentary, n.digest_date, n.source, n.source_line, n.queue_position, n.taken_at";

    /// <summary>
    /// The shape of a subscriber's destination key (<c>telegram:chat:&lt;id&gt;</c>, <c>slack:chat:&lt;id&gt;</c>), as a GLOB.
    /// A note posted to 10,000 subscribers has 10,000 of these deliveries; lookups, the archive and the lanes need only
    /// the channels', so notes are read without them unless asked.
    /// </summary>
    public const string SubscriberCopyKeys = "*:chat:*";

    public static string Json(IReadOnlyList<string> values) => JsonSerializer.Serialize(values, StorageJsonContext.Default.IReadOnlyListString);

    public static IReadOnlyList<string> List(string json) =>
        JsonSerializer.Deserialize(json, StorageJsonContext.Default.IReadOnlyListString) ?? [];

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset? Time(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <param name="subscriberCopies">Whether each note's deliveries include those to subscribed chats, not only to channels.</param>
    public static async Task<IReadOnlyList<StoredNote>> ReadNotesAsync(SqliteCommand command, bool subscriberCopies, CancellationToken ct)
    {
        var rows = new List<(long Id, Note Note, long Position, DateTimeOffset? Taken)>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var note = new Note
                {
                    Title = reader.GetString(1),
                    Authors = List(reader.GetString(2)),
                    Abstract = reader.GetString(3),
                    Links = List(reader.GetString(4)),
                    ArxivId = reader.IsDBNull(5) ? null : reader.GetString(5),
                    Commentary = reader.GetString(6),
                    Date = reader.IsDBNull(7) ? null : DateOnly.ParseExact(reader.GetString(7), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Source = new NoteSource(reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetInt32(9)),
                };
                rows.Add((reader.GetInt64(0), note, reader.GetInt64(10), Time(reader, 11)));
            }
        }

        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Id).ToList();
        var tags = await ReadTagsAsync(command.Connection!, command.Transaction, ids, ct);
        var deliveries = await ReadDeliveriesAsync(command.Connection!, command.Transaction, ids, subscriberCopies, ct);
        return rows.Select(r => new StoredNote(
                r.Id,
                r.Note with { Tags = tags.TryGetValue(r.Id, out var t) ? t : [] },
                r.Position,
                r.Taken,
                deliveries.TryGetValue(r.Id, out var d) ? d : []))
            .ToList();
    }

    private static string IdList(IReadOnlyList<long> ids) => string.Join(',', ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));

    private static async Task<Dictionary<long, IReadOnlyList<string>>> ReadTagsAsync(SqliteConnection connection, SqliteTransaction? tx, IReadOnlyList<long> ids, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"SELECT note_id, tag FROM note_tags WHERE note_id IN ({IdList(ids)}) ORDER BY note_id, rowid";
        var result = new Dictionary<long, List<string>>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetInt64(0);
            if (!result.TryGetValue(id, out var list))
            {
                result[id] = list = [];
            }

            list.Add(reader.GetString(1));
        }

        return result.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value);
    }

    private static async Task<Dictionary<long, IReadOnlyList<DeliveryRecord>>> ReadDeliveriesAsync(
        SqliteConnection connection, SqliteTransaction? tx, IReadOnlyList<long> ids, bool subscriberCopies, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        var channelsOnly = subscriberCopies ? "" : $" AND d.destination NOT GLOB '{SubscriberCopyKeys}'";
        command.CommandText = $"SELECT {DeliveryColumns} FROM deliveries d WHERE d.note_id IN ({IdList(ids)}){channelsOnly} ORDER BY d.note_id, d.destination";
        var all = await ReadDeliveriesAsync(command, ct);
        return all.GroupBy(d => d.NoteId).ToDictionary(g => g.Key, g => (IReadOnlyList<DeliveryRecord>)g.ToList());
    }

    public const string DeliveryColumns = "d.note_id, d.destination, d.state, d.message_ids, d.permalink, d.reason, d.attempts, d.sent_at";

    public static async Task<IReadOnlyList<DeliveryRecord>> ReadDeliveriesAsync(SqliteCommand command, CancellationToken ct)
    {
        var result = new List<DeliveryRecord>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add(new DeliveryRecord(
                reader.GetInt64(0),
                reader.GetString(1),
                Enum.Parse<DeliveryState>(reader.GetString(2), ignoreCase: true),
                List(reader.GetString(3)),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetInt32(6),
                Time(reader, 7))
            {
                // Lanes select the note's taken_at after the delivery columns: which slot the delivery belongs to.
                TakenAt = reader.FieldCount > 8 ? Time(reader, 8) : null,
            });
        }

        return result;
    }
}
