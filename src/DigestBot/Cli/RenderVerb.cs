using System.Globalization;
using DigestBot.Formatting;
using DigestBot.Notes;
using DigestBot.Platforms.Slack;
using DigestBot.Platforms.Telegram;
using DigestBot.Storage;
using Microsoft.Extensions.Options;

namespace DigestBot.Cli;

/// <summary>
/// <c>render</c>: the exact API payloads a note would be sent as, one JSON object per line; posts nothing. A note that
/// cannot be posted (<see cref="NoteRenderCheck"/>) gets the sentence <c>import</c> gives it instead, and exit code 1.
/// </summary>
internal static class RenderVerb
{
    public static async Task<int> RunAsync(string fileOrId, string? platform, IServiceProvider services, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var check = services.GetRequiredService<NoteRenderCheck>();
        var notes = new List<Note>();
        var refused = 0;
        if (long.TryParse(fileOrId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            var stored = await services.GetRequiredService<NoteStore>().FindAsync(id, ct);
            if (stored is null)
            {
                await stderr.WriteLineAsync($"There is no note {id}. `queue` or `tag <name>` show note ids; or give a note file instead.");
                return 1;
            }

            // A note stored before notes were checked on the way in may be one that cannot be posted.
            if (check.Problem(stored.Note) is { } problem)
            {
                await stderr.WriteLineAsync($"note {id}: {problem}");
                return 1;
            }

            notes.Add(stored.Note);
        }
        else
        {
            if (!File.Exists(fileOrId))
            {
                await stderr.WriteLineAsync($"{fileOrId}: no such file and not a note id. Give a note file, or the number of a stored note.");
                return 1;
            }

            var parsed = new NoteFileReader().Read(fileOrId);
            foreach (var problem in parsed.Problems)
            {
                await stderr.WriteLineAsync(problem.ToString());
            }

            foreach (var note in parsed.Notes)
            {
                if (check.Problem(note) is { } problem)
                {
                    await stderr.WriteLineAsync(new NoteProblem(note.Source.Location, note.Source.Line ?? 1, problem).ToString());
                    refused++;
                    continue;
                }

                notes.Add(note);
            }

            if (parsed.HasErrors && notes.Count == 0)
            {
                return 1;
            }
        }

        var channel = services.GetRequiredService<IOptions<TelegramOptions>>().Value.Channel ?? "@your_channel";
        var slackChannel = services.GetRequiredService<IOptions<SlackOptions>>().Value.Channel ?? "C0000000000";
        foreach (var note in notes)
        {
            if (platform is null or "telegram")
            {
                foreach (var line in RenderPayloads.TelegramJsonLines(note, channel))
                {
                    await stdout.WriteLineAsync(line);
                }
            }

            if (platform is null or "slack")
            {
                foreach (var line in RenderPayloads.SlackJsonLines(note, slackChannel))
                {
                    await stdout.WriteLineAsync(line);
                }
            }
        }

        return refused > 0 ? 1 : 0;
    }
}
