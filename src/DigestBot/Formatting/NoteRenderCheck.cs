using DigestBot.Formatting.Slack;
using DigestBot.Formatting.Telegram;
using DigestBot.Notes;
using Microsoft.Extensions.Options;

namespace DigestBot.Formatting;

/// <summary>
/// Renders a note for every platform DigestBot posts to, configured or not, before it is stored: a note that cannot be
/// rendered, or that would take more than <c>Notes:MaxMessages</c> messages somewhere, must never reach the queue, where
/// the publisher would try it at every slot and hold back every note behind it.
/// </summary>
internal sealed class NoteRenderCheck(IOptions<NotesOptions> options)
{
    private const int TitleShown = 80;

    private readonly TelegramNoteRenderer telegram = new();
    private readonly SlackNoteRenderer slack = new();

    /// <summary>Null when the note can be posted everywhere; otherwise why not, as a sentence that says what to change.</summary>
    /// <param name="shorten">What the sender can shorten: the whole note in a file, only the commentary in a chat.</param>
    public string? Problem(Note note, string shorten = "its commentary or abstract") =>
        Problem(note, "Telegram", () => telegram.Render(note).Count, shorten)
        ?? Problem(note, "Slack", () => slack.RenderThread(note).Count, shorten);

    private string? Problem(Note note, string platform, Func<int> render, string shorten)
    {
        var title = TextCut.WithEllipsis(note.Title, TitleShown);
        int messages;
        try
        {
            messages = render();
        }
        catch (ArgumentException e) when (e.Message.Contains("too deeply nested", StringComparison.Ordinal))
        {
            // Markdig's depth limit: block quotes, lists, links or emphasis nested more than it reads.
            return $"the note \"{title}\" cannot be rendered: its commentary nests quotes (>), lists, brackets or emphasis (*) too deeply for Markdown; nest them less, or write those lines as plain text.";
        }
        catch (Exception e)
        {
            return $"the note \"{title}\" cannot be rendered for {platform} ({e.GetType().Name}: {e.Message}); simplify {shorten}.";
        }

        var max = options.Value.MaxMessages;
        return messages > max
            ? $"the note \"{title}\" would need {messages} {platform} messages (the limit is Notes:MaxMessages = {max}); shorten {shorten}."
            : null;
    }
}
