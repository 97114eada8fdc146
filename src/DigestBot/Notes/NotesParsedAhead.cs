using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace DigestBot.Notes;

/// <summary>
/// Enumerates notes on a thread-pool thread while the caller stores the ones already parsed: an import is one
/// transaction on one SQLite connection, so parsing a large digest first kept the second core idle and delayed the
/// first insert by the whole parse (bench/README.md, fix 16). The parser runs to the end without waiting for the
/// reader, as it did when it filled a list.
/// </summary>
internal static class NotesParsedAhead
{
    public static async IAsyncEnumerable<Note> Of(IEnumerable<Note> notes, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var parsed = Channel.CreateUnbounded<Note>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var parsing = Task.Run(() =>
        {
            try
            {
                foreach (var note in notes)
                {
                    stop.Token.ThrowIfCancellationRequested();
                    parsed.Writer.TryWrite(note);
                }

                parsed.Writer.TryComplete();
            }
            catch (Exception e)
            {
                // The reader sees the parser's failure where it reads the next note.
                parsed.Writer.TryComplete(e);
            }
        }, CancellationToken.None);

        try
        {
            await foreach (var note in parsed.Reader.ReadAllAsync(ct))
            {
                yield return note;
            }
        }
        finally
        {
            // The reader stopped early (a failure, a cancellation): stop the parser too, and let it finish before the
            // problems it writes are read.
            await stop.CancelAsync();
            await parsing;
        }
    }
}
