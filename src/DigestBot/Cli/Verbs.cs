using System.Globalization;
using DigestBot.Chat;
using DigestBot.Importing;
using DigestBot.Notes;
using DigestBot.Platforms.Console;
using DigestBot.Publishing;
using DigestBot.Storage;
using Microsoft.Extensions.Options;

namespace DigestBot.Cli;

/// <summary>The verbs other than <c>run</c>. The command line acts as a curator: lookups include queued notes.</summary>
internal static class Verbs
{
    public static Task<int> RunAsync(CliArguments cli, IServiceProvider services, TextWriter stdout, TextWriter stderr, CancellationToken ct) =>
        cli.Verb switch
        {
            "import" => ImportAsync(cli.Arguments, services.GetRequiredService<NoteImporter>(), stdout, stderr, ct),
            "queue" => LookupAsync(h => h.QueueAsync(ct), services, stdout),
            "tag" => LookupAsync(h => h.TagAsync(string.Join(' ', cli.Arguments), includeQueued: true, int.MaxValue, ct), services, stdout),
            "tags" => LookupAsync(h => h.TagsAsync(includeQueued: true, ct), services, stdout),
            "search" => LookupAsync(h => h.SearchAsync(string.Join(' ', cli.Arguments), includeQueued: true, int.MaxValue, ct), services, stdout),
            "publish" => cli.Arguments.Count == 1 ? PublishNoteAsync(cli.Arguments[0], services, stdout, ct) : PublishAsync(cli.Count ?? 1, services, stdout, ct),
            "retry" => LookupAsync(h => h.RetryAsync(cli.All ? "all" : cli.Arguments[0], ct), services, stdout),
            "drop" => LookupAsync(h => h.DropAsync(cli.Arguments[0], ct), services, stdout),
            "withdraw" => CurateAsync(c => c.WithdrawAsync(cli.Arguments[0], CuratingCommands.CommandLine, ct), services, stdout),
            "requeue" => CurateAsync(c => c.RequeueAsync(cli.Arguments[0], CuratingCommands.CommandLine, ct), services, stdout),
            "next" => CurateAsync(c => c.NextAsync(cli.Arguments[0], CuratingCommands.CommandLine, ct), services, stdout),
            "move" => CurateAsync(c => c.MoveAsync(string.Join(' ', cli.Arguments), CuratingCommands.CommandLine, ct), services, stdout),
            "history" => HistoryVerb.RunAsync(long.Parse(cli.Arguments[0], CultureInfo.InvariantCulture), services, stdout, stderr, ct),
            "edit" => EditVerb.RunAsync(long.Parse(cli.Arguments[0], CultureInfo.InvariantCulture), services, stdout, stderr, ct),
            "pause" => CurateAsync(c => c.PauseAsync(string.Join(' ', cli.Arguments), ct), services, stdout),
            "resume" => CurateAsync(c => c.ResumeAsync(ct), services, stdout),
            "render" => RenderVerb.RunAsync(cli.Arguments[0], cli.Platform, services, stdout, stderr, ct),
            "backup" => BackupVerb.RunAsync(cli.Arguments[0], cli.Force, services, stdout, stderr, ct),
            "site" => SiteVerb.RunAsync(cli.Arguments[0], services, stdout, stderr, ct),
            _ => throw new InvalidOperationException($"No verb {cli.Verb}."),
        };

    private static async Task<int> ImportAsync(IReadOnlyList<string> paths, NoteImporter importer, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var reports = await importer.ImportPathsAsync(paths, ct);
        foreach (var report in reports)
        {
            foreach (var problem in report.Problems)
            {
                await stderr.WriteLineAsync(problem.ToString());
            }

            if (report.Outcome.Queued.Count > 0 || report.Outcome.AlreadyStored.Count > 0 || !report.HasErrors)
            {
                await stdout.WriteLineAsync(report.Summary());
            }
        }

        var queued = reports.Sum(r => r.Outcome.Queued.Count);
        var rejected = reports.Sum(r => r.Errors.Count());
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Queued {queued} note(s); {rejected} rejected."));
        return rejected > 0 ? 1 : 0;
    }

    private static async Task<int> LookupAsync(Func<ChatCommandHandler, Task<ChatReply>> lookup, IServiceProvider services, TextWriter stdout)
    {
        AnswerInChatLanguage(services);
        var reply = await lookup(services.GetRequiredService<ChatCommandHandler>());
        await stdout.WriteAsync(ConsoleReplyFormatter.Format(services.GetRequiredService<ChatReplyLayout>().For(ChatPlatform.Console, reply)));
        return reply.NotFound ? 1 : 0;
    }

    /// <summary>The command line answers as the console does, in Chat:Language.</summary>
    private static void AnswerInChatLanguage(IServiceProvider services) =>
        ChatText.Language = services.GetRequiredService<IOptions<ChatOptions>>().Value.ParsedLanguage;

    private static Task<int> CurateAsync(Func<CuratingCommands, Task<ChatReply>> change, IServiceProvider services, TextWriter stdout) =>
        LookupAsync(_ => change(services.GetRequiredService<CuratingCommands>()), services, stdout);

    /// <summary><c>publish &lt;note id&gt;</c>: the note goes first in the queue, then out now as the queue's head would.</summary>
    private static async Task<int> PublishNoteAsync(string argument, IServiceProvider services, TextWriter stdout, CancellationToken ct)
    {
        var id = long.Parse(argument, CultureInfo.InvariantCulture);
        if ((await services.GetRequiredService<NoteStore>().QueuedIdsAsync(ct)).FirstOrDefault(q => q.Id == id) is { Ready: false })
        {
            await stdout.WriteLineAsync($"Note {id} still waits for its paper's details (title, authors, abstract); publish it once they have arrived.");
            return 1;
        }

        AnswerInChatLanguage(services);
        var first = await services.GetRequiredService<CuratingCommands>().NextAsync(argument, CuratingCommands.CommandLine, ct);
        return first.NotFound ? await LookupAsync(_ => Task.FromResult(first), services, stdout) : await PublishAsync(1, services, stdout, ct);
    }

    private static async Task<int> PublishAsync(int count, IServiceProvider services, TextWriter stdout, CancellationToken ct)
    {
        var publisher = services.GetRequiredService<Publisher>();
        var taken = await publisher.PublishNextAsync(count, ct);
        if (taken.Count == 0)
        {
            await stdout.WriteLineAsync("The queue is empty: nothing to publish.");
            return 0;
        }

        var store = services.GetRequiredService<NoteStore>();
        var failed = 0;
        foreach (var note in taken)
        {
            var records = (await store.FindWithSubscriberCopiesAsync(note.Id, ct))?.Deliveries ?? [];
            foreach (var record in records)
            {
                failed += record.State == DeliveryState.Failed ? 1 : 0;
                await stdout.WriteLineAsync(record.State switch
                {
                    DeliveryState.Sent => $"Posted “{note.Note.Title}” to {record.Destination}{(record.Permalink is null ? "" : ": " + record.Permalink)}",
                    DeliveryState.Failed => $"Failed: “{note.Note.Title}” to {record.Destination}: {record.Reason}",
                    _ => $"Not finished: “{note.Note.Title}” to {record.Destination}",
                });
            }
        }

        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Published {taken.Count} note(s); {failed} delivery(ies) failed."));
        return failed > 0 ? 1 : 0;
    }
}
