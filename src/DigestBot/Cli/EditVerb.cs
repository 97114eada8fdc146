using System.Diagnostics;
using System.Text;
using DigestBot.Chat;
using DigestBot.Formatting;
using DigestBot.Notes;
using DigestBot.Storage;

namespace DigestBot.Cli;

/// <summary>
/// <c>edit &lt;note id&gt;</c>: the stored note in the digest format in the curator's editor ($VISUAL, else $EDITOR, run by
/// <c>/bin/sh -c</c> so <c>code --wait</c> works); the saved text is applied as a re-import would apply it, and the
/// running bot edits every posted copy. Whatever goes wrong gets one sentence and changes nothing.
/// </summary>
internal static class EditVerb
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task<int> RunAsync(long id, IServiceProvider services, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var notes = services.GetRequiredService<NoteStore>();
        if (await notes.FindAsync(id, ct) is not { } stored)
        {
            await stderr.WriteLineAsync($"There is no note {id}. queue lists the queued notes with their ids.");
            return 1;
        }

        if (await notes.IsWithdrawnAsync(id, ct))
        {
            await stderr.WriteLineAsync($"Note {id} (“{stored.Note.Title}”) is withdrawn, so it cannot be edited; requeue {id} puts it back in the queue, then edit it.");
            return 1;
        }

        if (Editor() is not { } editor)
        {
            await stderr.WriteLineAsync("No editor to open the note in: set VISUAL or EDITOR, e.g. export EDITOR=nano or export VISUAL=\"code --wait\".");
            return 1;
        }

        var original = DigestTextWriter.Write(stored.Note);
        var folder = Directory.CreateTempSubdirectory("digestbot-edit-");
        var path = Path.Combine(folder.FullName, $"note-{id}.txt");
        await File.WriteAllTextAsync(path, original, Utf8, ct);

        var exit = await OpenAsync(editor, path, ct);
        if (exit != 0)
        {
            await stderr.WriteLineAsync($"The editor exited with code {exit}, so note {id} is unchanged; the text it saved stays in {path}.");
            return 1;
        }

        var text = await File.ReadAllTextAsync(path, ct);
        if (text.ReplaceLineEndings("\n") == original)
        {
            folder.Delete(recursive: true);
            await stdout.WriteLineAsync($"Nothing changed: note {id} is as it was.");
            return 0;
        }

        var parsed = new DigestTextParser().Parse(text, path);
        if (parsed.Problems.FirstOrDefault(p => p.IsError) is { } problem)
        {
            await stderr.WriteLineAsync($"{problem} — note {id} is unchanged; your text stays in {path}.");
            return 1;
        }

        if (parsed.Notes.Count != 1)
        {
            await stderr.WriteLineAsync(
                $"{path}: the file holds {parsed.Notes.Count} notes but an edit changes exactly one, so note {id} is unchanged; your text stays there.");
            return 1;
        }

        var edited = parsed.Notes[0];
        if (services.GetRequiredService<NoteRenderCheck>().Problem(edited) is { } refused)
        {
            await stderr.WriteLineAsync($"{path}:{edited.Source.Line ?? 1}: {refused} — note {id} is unchanged; your text stays in {path}.");
            return 1;
        }

        var result = await services.GetRequiredService<NoteCuration>().ReviseAsync(id, stored.Note, edited, CuratingCommands.CommandLine, ct);
        var sentence = result.Outcome switch
        {
            RevisionOutcome.Updated => result.Update!.ToString(),
            RevisionOutcome.Unchanged => $"Nothing changed: note {id} is as it was.",
            RevisionOutcome.KeyTaken =>
                $"The edited note has the arXiv id, link or title of note {result.OtherId}, so note {id} is unchanged; your text stays in {path}.",
            RevisionOutcome.OutOfDate =>
                $"Note {id} was changed elsewhere while you edited it, so your edit was not applied; your text stays in {path}, and edit {id} starts again from the new note.",
            RevisionOutcome.Withdrawn => $"Note {id} was withdrawn while you edited it, so it is unchanged; your text stays in {path}.",
            _ => $"Note {id} was deleted while you edited it; your text stays in {path}.",
        };
        if (result.Outcome is RevisionOutcome.Updated or RevisionOutcome.Unchanged)
        {
            folder.Delete(recursive: true);
            await stdout.WriteLineAsync(sentence);
            return 0;
        }

        await stderr.WriteLineAsync(sentence);
        return 1;
    }

    private static string? Editor() =>
        new[] { "VISUAL", "EDITOR" }.Select(Environment.GetEnvironmentVariable).FirstOrDefault(e => !string.IsNullOrWhiteSpace(e))?.Trim();

    /// <summary>Runs the editor as a shell would, on the terminal this program has, and waits for it to exit.</summary>
    private static async Task<int> OpenAsync(string editor, string path, CancellationToken ct)
    {
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        // The path goes in as $1, never into the command text, so no name can be read as shell syntax.
        foreach (var argument in new[] { "-c", editor + " \"$1\"", "sh", path })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("/bin/sh did not start.");
        await process.WaitForExitAsync(ct);
        return process.ExitCode;
    }
}
