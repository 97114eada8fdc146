using DigestBot.Notes;

namespace DigestBot.Storage;

/// <summary>Chats subscribed to posts, per platform; a chat may follow everything or a set of tags.</summary>
internal sealed class SubscriptionStore(SqliteDatabase database, TimeProvider time)
{
    private const string Everything = "";

    /// <summary>Subscribes the chat to every post (<paramref name="tag"/> null) or one tag; false when it already was.</summary>
    public async Task<bool> SubscribeAsync(string platform, string chatId, string? tag, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var changed = await SqlCommands.ExecuteAsync(
            connection,
            null,
            "INSERT OR IGNORE INTO subscriptions (platform, chat_id, tag, created_at) VALUES ($platform, $chat, $tag, $now)",
            ct,
            ("$platform", platform),
            ("$chat", chatId),
            ("$tag", tag is null ? Everything : Tag.Canonical(tag)),
            ("$now", NoteRows.Time(time.GetUtcNow())));
        return changed > 0;
    }

    /// <summary>Removes every subscription of the chat; returns how many there were.</summary>
    public async Task<int> UnsubscribeAsync(string platform, string chatId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await SqlCommands.ExecuteAsync(
            connection, null, "DELETE FROM subscriptions WHERE platform = $platform AND chat_id = $chat", ct, ("$platform", platform), ("$chat", chatId));
    }

    public async Task<Subscription?> FindAsync(string platform, string chatId, CancellationToken ct) =>
        (await AllAsync(platform, ct)).FirstOrDefault(s => s.ChatId == chatId);

    /// <summary>One entry per subscribed chat; following everything wins over any tags also followed.</summary>
    public async Task<IReadOnlyList<Subscription>> AllAsync(string platform, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = SqlCommands.Create(
            connection, null, "SELECT chat_id, tag FROM subscriptions WHERE platform = $platform ORDER BY chat_id, tag", ("$platform", platform));
        var rows = new List<(string Chat, string Tag)>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                rows.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        return rows
            .GroupBy(r => r.Chat, StringComparer.Ordinal)
            .Select(g => new Subscription(
                platform,
                g.Key,
                g.Any(r => r.Tag == Everything) ? [] : g.Select(r => r.Tag).ToList()))
            .ToList();
    }
}
