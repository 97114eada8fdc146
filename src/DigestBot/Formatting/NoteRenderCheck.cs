using DigestBot.Formatting.Slack;
using DigestBot.Formatting.Telegram;
using DigestBot.Notes;
using Markdig.Syntax;
using Microsoft.Extensions.Options;

namespace DigestBot.Formatting;

/// <summary>
/// Renders a note for every platform DigestBot posts to, configured or not, before it is stored: a note that cannot be
/// rendered, or that would take more than <c>Notes:MaxMessages</c> messages somewhere, must never reach the queue, where
/// the publisher would try it at every slot and hold back every note behind it. Everything that can fail runs (Markdig,
/// every node renderer, the layout); only the writing out of a note that fits one Telegram message is skipped, since
/// its count is known (<see cref="TelegramNoteRenderer.CountMessages"/>).
/// </summary>
internal sealed class NoteRenderCheck(IOptions<NotesOptions> options)
{
    private const int TitleShown = 80;

    private readonly TelegramNoteRenderer telegram = new();
    private readonly SlackNoteRenderer slack = new();

    /// <summary>Null when the note can be posted everywhere; otherwise why not, as a sentence that says what to change.</summary>
    /// <param name="shorten">What the sender can shorten: the whole note in a file, only the commentary in a chat.</param>
    public string? Problem(Note note, string shorten = "its commentary or abstract")
    {
        // Markdig's parse is most of a rendering's time: both platforms render the one parse.
        MarkdownDocument commentary;
        try
        {
            commentary = CommentaryMarkdown.Parse(note.Commentary);
        }
        catch (Exception e)
        {
            return Unrenderable(note, "Markdown", e, shorten);
        }

        return Problem(note, "Telegram", () => telegram.CountMessages(note, commentary), shorten)
            ?? Problem(note, "Slack", () => slack.RenderThread(note, commentary).Count, shorten);
    }

    private string? Problem(Note note, string platform, Func<int> render, string shorten)
    {
        int messages;
        try
        {
            messages = render();
        }
        catch (Exception e)
        {
            return Unrenderable(note, platform, e, shorten);
        }

        var max = options.Value.MaxMessages;
        return messages > max
            ? $"the note \"{Title(note)}\" would need {messages} {platform} messages (the limit is Notes:MaxMessages = {max}); shorten {shorten}."
            : null;
    }

    private static string Unrenderable(Note note, string platform, Exception e, string shorten) =>
        e is ArgumentException && e.Message.Contains("too deeply nested", StringComparison.Ordinal)
            // Markdig's depth limit, met while parsing or while rendering: block quotes, lists, links or emphasis nested more than it reads.
            ? $"the note \"{Title(note)}\" cannot be rendered: its commentary nests quotes (>), lists, brackets or emphasis (*) too deeply for Markdown; nest them less, or write those lines as plain text."
            : $"the note \"{Title(note)}\" cannot be rendered for {platform} ({e.GetType().Name}: {e.Message}); simplify {shorten}.";

    private static string Title(Note note) => TextCut.WithEllipsis(note.Title, TitleShown);
}
