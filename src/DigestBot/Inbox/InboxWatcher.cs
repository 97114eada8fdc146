using System.Globalization;
using DigestBot.Alerts;
using DigestBot.Importing;
using DigestBot.Notes;
using Microsoft.Extensions.Options;

namespace DigestBot.Inbox;

/// <summary>
/// Imports note files dropped into the inbox. A file is taken once its size and time stop changing,
/// so a file still being copied is not half-read. A bad file is moved aside with its errors; the bot keeps running.
/// Nothing dropped there can stop it: only regular files are opened (a FIFO would block the watcher for good, a link
/// could lead to <c>/dev/zero</c>), a file over <c>Inbox:MaxFileBytes</c> is never read, and a file whose import keeps
/// failing goes to <c>failed/</c> after <c>Inbox:MaxAttempts</c> tries instead of standing before the files after it.
/// </summary>
internal sealed class InboxWatcher(
    IOptions<InboxOptions> options,
    NoteImporter importer,
    CuratorAlerts alerts,
    TimeProvider time,
    ILogger<InboxWatcher> log) : BackgroundService
{
    public const string ImportedFolder = "imported";
    public const string FailedFolder = "failed";

    private readonly Dictionary<string, (long Length, DateTime Written)> seen = [];
    private readonly Dictionary<string, int> failedAttempts = [];
    private readonly Dictionary<string, (long Length, DateTime Written)> givenUp = [];
    private readonly HashSet<string> skipped = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ImportSeedAsync(stoppingToken);
        var folder = Path.GetFullPath(options.Value.Path);
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.InboxUnusable(log, ex, folder);
            return;
        }

        Log.Watching(log, folder);
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        do
        {
            try
            {
                await ScanAsync(folder, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.ScanFailed(log, ex, folder);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    internal async Task ScanAsync(string folder, CancellationToken ct)
    {
        var entries = Directory.EnumerateFileSystemEntries(folder)
            .Where(IsNoteFileName)
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        Forget(entries);

        foreach (var entry in entries)
        {
            var kind = FileKinds.Of(entry);
            if (kind != FileKind.Regular)
            {
                Skip(entry, kind);
                continue;
            }

            skipped.Remove(entry);
            if (Stamp(entry) is not { } stamp)
            {
                continue;
            }

            if (givenUp.TryGetValue(entry, out var abandoned) && abandoned == stamp)
            {
                continue;
            }

            givenUp.Remove(entry);
            if (!seen.TryGetValue(entry, out var previous) || previous != stamp)
            {
                seen[entry] = stamp;
                continue;
            }

            seen.Remove(entry);
            try
            {
                await ImportAsync(folder, entry, ct);
                failedAttempts.Remove(entry);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                await ImportFailedAsync(folder, entry, stamp, ex, ct);
            }
        }
    }

    /// <summary>Forgets what was known of entries that are gone, so a new file of the same name starts afresh.</summary>
    private void Forget(List<string> entries)
    {
        var present = entries.ToHashSet(StringComparer.Ordinal);
        KeepOnly(seen, present);
        KeepOnly(failedAttempts, present);
        KeepOnly(givenUp, present);
        skipped.RemoveWhere(k => !present.Contains(k));
    }

    private static void KeepOnly<TValue>(Dictionary<string, TValue> known, HashSet<string> present)
    {
        foreach (var gone in known.Keys.Where(k => !present.Contains(k)).ToList())
        {
            known.Remove(gone);
        }
    }

    /// <returns>The file's length and time, or null when it went away since the folder was listed.</returns>
    private static (long Length, DateTime Written)? Stamp(string file)
    {
        try
        {
            var info = new FileInfo(file);
            return (info.Length, info.LastWriteTimeUtc);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Anything but a regular file is left where it is, with one warning for as long as it stays.</summary>
    private void Skip(string entry, FileKind kind)
    {
        var name = Path.GetFileName(entry);
        seen.Remove(entry);
        if (kind == FileKind.Missing || (kind == FileKind.Directory && name is ImportedFolder or FailedFolder) || !skipped.Add(entry))
        {
            return;
        }

        var what = kind switch
        {
            FileKind.Directory => "is a folder; the inbox reads only note files put directly in it, so move its files up",
            FileKind.SymbolicLink => "is a symbolic link, which the inbox does not follow; copy the note file itself into the inbox",
            FileKind.Fifo => "is a named pipe (FIFO), not a note file; the inbox never opens one",
            FileKind.Socket => "is a socket, not a note file",
            FileKind.Unknown => "could not be looked at (check its permissions)",
            _ => "is a device, not a note file",
        };
        Log.EntrySkipped(log, name, what);
    }

    private async Task ImportAsync(string folder, string file, CancellationToken ct)
    {
        var name = Path.GetFileName(file);
        var report = await importer.ImportFileAsync(file, options.Value.MaxFileBytes, ct);
        foreach (var problem in report.Problems)
        {
            Log.Problem(log, problem.ToString());
        }

        Log.Imported(log, report.Summary());
        if (!report.HasErrors)
        {
            MoveTo(folder, file, ImportedFolder);
            return;
        }

        var errors = report.Errors.Select(p => (p with { File = name }).ToString()).ToList();
        if (report.Outcome.Queued.Count > 0)
        {
            errors.Add($"The other {report.Outcome.Queued.Count} note(s) of this file were queued. Fix the lines above and drop the file in the inbox again: notes already stored are not queued twice.");
        }

        await MoveToFailedAsync(folder, file, errors, ct);
    }

    /// <summary>
    /// A file whose import threw (a file still being written, the database busy, a fault of ours) is tried again at a
    /// later poll, the files after it going on meanwhile, up to <c>Inbox:MaxAttempts</c> times in all; then it goes to
    /// <c>failed/</c>. If even that fails, it is left alone until it changes.
    /// </summary>
    private async Task ImportFailedAsync(string folder, string file, (long, DateTime) stamp, Exception ex, CancellationToken ct)
    {
        var name = Path.GetFileName(file);
        var attempts = failedAttempts[file] = failedAttempts.GetValueOrDefault(file) + 1;
        var max = options.Value.MaxAttempts;
        if (attempts < max)
        {
            Log.ImportFailedWillRetry(log, ex, name, attempts, max);
            return;
        }

        failedAttempts.Remove(file);
        Log.ImportFailedGivingUp(log, ex, name, attempts);
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"{name}:1: importing this file failed {attempts} time(s) ({ex.GetType().Name}: {ex.Message}). Check the bot's log, then drop the file in the inbox again: notes already stored are not queued twice.");
        try
        {
            await MoveToFailedAsync(folder, file, [reason], ct);
        }
        catch (Exception moveFailed) when (moveFailed is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            givenUp[file] = stamp;
            Log.CannotMoveToFailed(log, moveFailed, name);
        }
    }

    private async Task MoveToFailedAsync(string folder, string file, IReadOnlyList<string> errors, CancellationToken ct)
    {
        var moved = MoveTo(folder, file, FailedFolder);
        await File.WriteAllLinesAsync(moved + ".errors.txt", errors, ct);
        Log.MovedToFailed(log, Path.GetFileName(file), Path.GetRelativePath(folder, moved));
        var first = errors.Count > 0 ? " " + errors[0] : "";
        alerts.Raise(new CuratorAlert(
            $"The inbox file {Path.GetFileName(file)} was moved to {Path.GetRelativePath(folder, moved)}:{first}",
            errors.Count > 1
                ? $"{errors.Count} problems in all are listed in {Path.GetFileName(moved)}.errors.txt beside it; fix them and drop the file in the inbox again."
                : "Fix it and drop the file in the inbox again; notes already stored are not queued twice."));
    }

    private string MoveTo(string folder, string file, string subfolder)
    {
        var targetFolder = Path.Combine(folder, subfolder);
        Directory.CreateDirectory(targetFolder);
        var target = Path.Combine(targetFolder, Path.GetFileName(file));
        if (File.Exists(target))
        {
            var stamp = time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            target = Path.Combine(targetFolder, $"{Path.GetFileNameWithoutExtension(file)}.{stamp}{Path.GetExtension(file)}");
        }

        File.Move(file, target);
        return target;
    }

    private async Task ImportSeedAsync(CancellationToken ct)
    {
        if (options.Value.Seed.Count == 0)
        {
            return;
        }

        IReadOnlyList<FileImportReport> reports;
        try
        {
            reports = await importer.ImportPathsAsync(options.Value.Seed, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.SeedFailed(log, ex);
            return;
        }

        foreach (var report in reports)
        {
            foreach (var problem in report.Problems)
            {
                Log.Problem(log, problem.ToString());
            }

            Log.Imported(log, report.Summary());
        }
    }

    private static bool IsNoteFileName(string path)
    {
        var name = Path.GetFileName(path);
        // Editors and copy tools write these while a file is not finished.
        return !name.StartsWith('.') && !name.EndsWith('~')
            && !name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)
            && !name.EndsWith(".part", StringComparison.OrdinalIgnoreCase)
            && !name.EndsWith(".swp", StringComparison.OrdinalIgnoreCase)
            && !name.EndsWith(".errors.txt", StringComparison.OrdinalIgnoreCase);
    }
}
