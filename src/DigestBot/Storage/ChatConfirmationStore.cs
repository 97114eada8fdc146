namespace DigestBot.Storage;

/// <summary>Which bot message confirmed which queued note, so a reply to it can amend that note.</summary>
internal sealed class ChatConfirmationStore(SqliteDatabase database, TimeProvider time)
{
    public async Task RememberAsync(string platform, string chatId, string messageId, long noteId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await SqlCommands.ExecuteAsync(
            connection,
            null,
            """
            INSERT INTO chat_confirmations (platform, chat_id, message_id, note_id, created_at) VALUES ($platform, $chat, $message, $note, $now)
            ON CONFLICT (platform, chat_id, message_id) DO UPDATE SET note_id = excluded.note_id
            """,
            ct,
            ("$platform", platform),
            ("$chat", chatId),
            ("$message", messageId),
            ("$note", noteId),
            ("$now", NoteRows.Time(time.GetUtcNow())));
    }

    public async Task<long?> FindNoteAsync(string platform, string chatId, string messageId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await SqlCommands.ScalarAsync(
            connection,
            null,
            "SELECT note_id FROM chat_confirmations WHERE platform = $platform AND chat_id = $chat AND message_id = $message",
            ct,
            ("$platform", platform),
            ("$chat", chatId),
            ("$message", messageId)) is long id ? id : null;
    }

    /// <summary>Where the note's confirmations were sent, newest first, to tell the curator when its metadata arrives.</summary>
    public async Task<IReadOnlyList<(string Platform, string ChatId, string MessageId)>> ForNoteAsync(long noteId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = SqlCommands.Create(
            connection, null, "SELECT platform, chat_id, message_id FROM chat_confirmations WHERE note_id = $note ORDER BY created_at DESC", ("$note", noteId));
        var found = new List<(string, string, string)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return found;
    }
}
