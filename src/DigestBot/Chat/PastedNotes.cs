using System.Text;
using DigestBot.Importing;
using DigestBot.Notes;

namespace DigestBot.Chat;

/// <summary>
/// Digest text pasted line by line (the console's standard input): the lines gather until a note's hashtag line ends
/// it, then the notes are queued as if imported from a file.
/// </summary>
internal sealed class PastedNotes(NoteImporter importer, ChatCommandHandler commands, ChatNoteEdits edits)
{
    private readonly DigestTextParser parser = new();
    private readonly Dictionary<(ChatPlatform, string), StringBuilder> pasting = [];
    private readonly Lock gate = new();

    /// <summary>A paste is under way in this chat: its next line belongs to it, whatever the line says.</summary>
    public bool IsPasting(ChatMessage message)
    {
        lock (gate)
        {
            return pasting.ContainsKey((message.Platform, message.ChatId));
        }
    }

    /// <returns>What was queued once a hashtag line ends a note; null while the note goes on.</returns>
    public async Task<ChatReply?> AddLineAsync(ChatMessage message, CancellationToken ct)
    {
        string text;
        lock (gate)
        {
            var key = (message.Platform, message.ChatId);
            if (!pasting.TryGetValue(key, out var lines))
            {
                pasting[key] = lines = new StringBuilder();
            }

            lines.Append(message.Text).Append('\n');
            if (!HashtagLine.TryParse(message.Text, out _))
            {
                return null;
            }

            text = lines.ToString();
            pasting.Remove(key);
        }

        // A note for a stored one is an edit: what it changes is shown, and nothing is stored until the curator types update.
        return await edits.ProposeAsync(message, text, ct) ?? await ImportAsync(message.Platform.Name(), text, ct);
    }

    private async Task<ChatReply> ImportAsync(string source, string text, CancellationToken ct)
    {
        var report = await importer.ImportParsedAsync(source, parser.Parse(text, source), ct);
        var lines = new List<string>();
        lines.AddRange(report.Outcome.Queued.Select(q => ChatText.Format(ChatTextKey.Queued, q.Note.Title)));
        lines.AddRange(report.Outcome.AlreadyStored.Select(s => ChatText.Format(ChatTextKey.AlreadyStored, s.ExistingId, s.Note.Title)));
        lines.AddRange(report.Problems.Select(p => p.ToString()));
        if (report.Outcome.Queued.Count > 0)
        {
            lines.Add((await commands.QueueAsync(ct)).Heading);
        }

        return lines.Count == 0 ? ChatReply.Text(ChatText.Get(ChatTextKey.NothingQueued)) : new ChatReply(lines[0]) { Lines = lines[1..] };
    }
}
