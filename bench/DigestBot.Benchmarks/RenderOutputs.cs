using System.Text;
using System.Text.Json;
using DigestBot.Formatting;
using DigestBot.Formatting.Plain;
using DigestBot.Formatting.Slack;
using DigestBot.Formatting.Telegram;

namespace DigestBot.Benchmarks;

/// <summary>
/// <c>render-outputs DIR [--documents 10000]</c>: every rendering of the corpus written to files, so that a change
/// meant to be faster can be checked byte for byte against the outputs from before it (<c>diff -r BEFORE AFTER</c>).
/// </summary>
internal static class RenderOutputs
{
    private const string Separator = "\n\u241E\n";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new VerbArguments(args);
        var folder = options.Positional(0) ?? throw new ArgumentException("usage: render-outputs DIR [--documents 10000]");
        var count = options.Int("documents", CommentaryBenchmarks.Documents);
        var generator = new CorpusGenerator();
        var commentaries = generator.Commentaries(count);
        var notes = generator.Notes(count);
        Directory.CreateDirectory(folder);

        await Write(folder, "telegram-commentary.txt", commentaries.Select(TelegramHtml.MarkdownToHtml));
        await Write(folder, "slack-commentary.txt", commentaries.Select(SlackMrkdwn.MarkdownToMrkdwn));
        var telegram = new TelegramNoteRenderer();
        await Write(folder, "telegram-notes.txt", notes.Select(note => string.Join("\n\u241F\n", telegram.Render(note).Select(part => $"{part.ReplyToPart}|{part.PreviewUrl}|{part.VisibleLength}|{part.Html}"))));
        var slack = new SlackNoteRenderer();
        await Write(folder, "slack-notes.txt", notes.Select(note => string.Join("\n", slack.RenderThread(note).Select(message => JsonSerializer.Serialize(message, SlackJsonContext.Readable.SlackMessage)))));
        await Write(folder, "console-notes.txt", notes.Select(ConsoleNoteFormatter.Format));
        Console.WriteLine($"wrote the renderings of {count:N0} commentary documents and {count:N0} notes to {folder}");
        return 0;
    }

    private static Task Write(string folder, string name, IEnumerable<string> outputs) =>
        File.WriteAllTextAsync(Path.Combine(folder, name), string.Join(Separator, outputs), Encoding.UTF8);
}
