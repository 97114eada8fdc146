using System.Globalization;
using DigestBot.Notes;
using Microsoft.Extensions.Options;

namespace DigestBot.Inbox;

/// <summary>
/// Imports note files dropped into the inbox. A file is taken once its size and time stop changing,
/// so a file still being copied is not half-read. A bad file is moved aside with its errors; the bot keeps running.
/// </summary>
internal sealed class InboxWatcher(
    IOptions<InboxOptions> options,
    NoteImporter importer,
    TimeProvider time,
    ILogger<InboxWatcher> log) : BackgroundService
{
    private readonly Dictionary<string, (long Length, DateTime Written)> seen = [];

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
        var files = Directory.EnumerateFiles(folder)
            .Where(IsNoteFileName)
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        foreach (var gone in seen.Keys.Except(files).ToList())
        {
            seen.Remove(gone);
        }

        foreach (var file in files)
        {
            var info = new FileInfo(file);
            var stamp = (info.Length, info.LastWriteTimeUtc);
            if (!seen.TryGetValue(file, out var previous) || previous != stamp)
            {
                seen[file] = stamp;
                continue;
            }

            seen.Remove(file);
            await ImportAsync(folder, file, ct);
        }
    }

    private async Task ImportAsync(string folder, string file, CancellationToken ct)
    {
        var name = Path.GetFileName(file);
        FileImportReport report;
        try
        {
            report = await importer.ImportFileAsync(file, ct);
        }
        catch (IOException ex)
        {
            Log.FileBusy(log, ex, name);
            return;
        }

        foreach (var problem in report.Problems)
        {
            Log.Problem(log, problem.ToString());
        }

        Log.Imported(log, report.Summary());
        var target = report.HasErrors ? "failed" : "imported";
        var moved = MoveTo(folder, file, target);
        if (report.HasErrors)
        {
            var errors = report.Errors.Select(p => (p with { File = name }).ToString()).ToList();
            if (report.Outcome.Queued.Count > 0)
            {
                errors.Add($"The other {report.Outcome.Queued.Count} note(s) of this file were queued. Fix the lines above and drop the file in the inbox again: notes already stored are not queued twice.");
            }

            await File.WriteAllLinesAsync(moved + ".errors.txt", errors, ct);
        }
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
