using DigestBot.Notes;

namespace DigestBot.Storage;

/// <summary>Chats subscribed to posts, per platform; a chat may follow everything or a set of tags.</summary>
internal sealed class SubscriptionStore(SqliteDatabase database, TimeProvider time)
{
    private const string Everything = "";

    /// <summary>Subscribes the chat to every post (<paramref name="tag"/> null) or one tag, with no limit; false when it already was.</summary>
    public async Task<bool> SubscribeAsync(string platform, string chatId, string? tag, CancellationToken ct) =>
        await SubscribeAsync(platform, chatId, tag is null ? [] : [tag], int.MaxValue, int.MaxValue, ct) == SubscribeOutcome.Added;

    /// <summary>
    /// Subscribes the chat to every post (no <paramref name="tags"/>) or to the tags, all or nothing: a chat not
    /// subscribed yet only while fewer than <paramref name="maxChats"/> chats are (on every platform), and a chat
    /// following at most <paramref name="maxTags"/> tags with those it follows already.
    /// </summary>
    public async Task<SubscribeOutcome> SubscribeAsync(string platform, string chatId, IReadOnlyCollection<string> tags, int maxChats, int maxTags, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        // Counted and written under one write lock, so two chats subscribing at once cannot both take the last place.
        await using var tx = connection.BeginTransaction(deferred: false);
        (string, object?) platformParameter = ("$platform", platform), chatParameter = ("$chat", chatId);
        var known = Convert.ToInt64(await SqlCommands.ScalarAsync(
            connection, tx, "SELECT COUNT(*) FROM subscriptions WHERE platform = $platform AND chat_id = $chat", ct, platformParameter, chatParameter)) > 0;
        if (!known && Convert.ToInt64(await SqlCommands.ScalarAsync(
            connection, tx, "SELECT COUNT(*) FROM (SELECT 1 FROM subscriptions GROUP BY platform, chat_id)", ct)) >= maxChats)
        {
            return SubscribeOutcome.Full;
        }

        var wanted = tags.Count == 0 ? [Everything] : tags.Select(Tag.Canonical).ToHashSet(StringComparer.Ordinal);
        if (tags.Count > 0)
        {
            var followed = new HashSet<string>(wanted, StringComparer.Ordinal);
            await using (var command = SqlCommands.Create(
                connection, tx, "SELECT tag FROM subscriptions WHERE platform = $platform AND chat_id = $chat AND tag <> $everything", platformParameter, chatParameter, ("$everything", Everything)))
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    followed.Add(reader.GetString(0));
                }
            }

            if (followed.Count > maxTags)
            {
                return SubscribeOutcome.TooManyTags;
            }
        }

        var added = 0;
        foreach (var tag in wanted)
        {
            added += await SqlCommands.ExecuteAsync(
                connection,
                tx,
                "INSERT OR IGNORE INTO subscriptions (platform, chat_id, tag, created_at) VALUES ($platform, $chat, $tag, $now)",
                ct,
                platformParameter,
                chatParameter,
                ("$tag", tag),
                ("$now", NoteRows.Time(time.GetUtcNow())));
        }

        await tx.CommitAsync(ct);
        return added > 0 ? SubscribeOutcome.Added : SubscribeOutcome.Unchanged;
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
