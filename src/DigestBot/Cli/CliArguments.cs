using System.Globalization;

namespace DigestBot.Cli;

/// <summary>The verb, its own arguments and options, and the <c>--Key=value</c> settings passed on to configuration.</summary>
internal sealed record CliArguments(string Verb, IReadOnlyList<string> Arguments, IReadOnlyList<string> ConfigArgs)
{
    public string? Platform { get; init; }

    public int? Count { get; init; }

    /// <summary><c>retry --all</c>: every failed delivery rather than one note's.</summary>
    public bool All { get; init; }

    /// <summary><c>--force</c>: <c>backup</c> may replace an existing file.</summary>
    public bool Force { get; init; }

    public static readonly IReadOnlySet<string> Verbs =
        new HashSet<string>(StringComparer.Ordinal) { "run", "import", "queue", "render", "publish", "tag", "tags", "search", "retry", "drop", "withdraw", "requeue", "next", "move", "history", "edit", "pause", "resume", "backup", "site", "help" };

    public static bool TryParse(IReadOnlyList<string> args, out CliArguments parsed, out string error)
    {
        parsed = new CliArguments("run", [], []);
        error = "";
        string? verb = null;
        string? platform = null;
        int? count = null;
        var all = false;
        var force = false;
        var positional = new List<string>();
        var config = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                verb = "help";
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (verb is null && positional.Count == 0)
                {
                    if (!Verbs.Contains(arg))
                    {
                        error = $"Unknown verb '{arg}'.";
                        return false;
                    }

                    verb = arg;
                }
                else
                {
                    positional.Add(arg);
                }

                continue;
            }

            var (name, value) = SplitOption(arg, args, ref i);
            switch (name.ToLowerInvariant())
            {
                case "db":
                    if (string.IsNullOrWhiteSpace(value))
                    {
                        error = "--db needs a database file path, e.g. --db data/digestbot.db.";
                        return false;
                    }

                    config.Add($"--Storage:Path={value}");
                    break;
                case "platform":
                    if (value is not ("telegram" or "slack"))
                    {
                        error = $"--platform must be telegram or slack, not '{value}'.";
                        return false;
                    }

                    platform = value;
                    break;
                case "count":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
                    {
                        error = $"--count needs a positive whole number, not '{value}'.";
                        return false;
                    }

                    count = n;
                    break;
                case "all" when value is null:
                    all = true;
                    break;
                case "force" when value is null:
                    force = true;
                    break;
                default:
                    if (value is null || !arg.Contains('=', StringComparison.Ordinal))
                    {
                        error = $"Unknown option '{arg}'. Settings are given as --Section:Key=value.";
                        return false;
                    }

                    config.Add(arg);
                    break;
            }
        }

        verb ??= "run";
        if (platform is not null && verb != "render")
        {
            error = "--platform only applies to render.";
            return false;
        }

        if (count is not null && verb != "publish")
        {
            error = "--count only applies to publish.";
            return false;
        }

        if (all && verb != "retry")
        {
            error = "--all only applies to retry.";
            return false;
        }

        if (force && verb != "backup")
        {
            error = "--force only applies to backup.";
            return false;
        }

        var expected = verb switch
        {
            "retry" when all => positional.Count == 0 ? null : "retry takes either a note id or --all, not both.",
            "retry" => positional.Count == 1 && long.TryParse(positional[0], NumberStyles.None, CultureInfo.InvariantCulture, out _)
                ? null
                : "retry needs a note id (queue lists failed deliveries with theirs), or --all for every failed delivery.",
            "drop" => positional.Count == 1 ? null : "drop needs the paused destination whose waiting posts to give up, as queue shows it, e.g. drop telegram:@channel.",
            "withdraw" or "requeue" or "next" or "history" or "edit" => positional.Count == 1 && long.TryParse(positional[0], NumberStyles.None, CultureInfo.InvariantCulture, out _)
                ? null
                : $"{verb} needs one note id, e.g. {verb} 12 (queue lists the queued notes with theirs).",
            "move" => positional.Count == 2 && positional.All(p => long.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                ? null
                : "move needs a note id and its new place in the queue, from 1, e.g. move 12 1.",
            "pause" => positional.Count == 0 || (positional.Count >= 2 && positional[0] == "until")
                ? null
                : "pause takes nothing, or until and a date or duration, e.g. pause until 2026-12-26 or pause until 3d.",
            "publish" => positional.Count == 0 || (positional.Count == 1 && count is null && long.TryParse(positional[0], NumberStyles.None, CultureInfo.InvariantCulture, out _))
                ? null
                : "publish takes --count N for the next N queued notes, or one note id to post that note now, e.g. publish 12.",
            "import" => positional.Count >= 1 ? null : "import needs at least one note file or folder.",
            "render" => positional.Count == 1 ? null : "render needs one note file or note id.",
            "tag" => positional.Count >= 1 ? null : "tag needs a tag name, e.g. tag video-segmentation.",
            "search" => positional.Count >= 1 ? null : "search needs words to look for.",
            "backup" => positional.Count == 1 ? null : "backup needs one file to write the copy to, e.g. backup backups/digestbot-2026-03-01.db.",
            "site" => positional.Count == 1 ? null : "site needs one folder to write the archive into, e.g. site out/site.",
            _ => positional.Count == 0 ? null : $"{verb} takes no arguments, but got '{string.Join(' ', positional)}'.",
        };
        if (expected is not null)
        {
            error = expected;
            return false;
        }

        parsed = new CliArguments(verb, positional, config) { Platform = platform, Count = count, All = all, Force = force };
        return true;
    }

    private static (string Name, string? Value) SplitOption(string arg, IReadOnlyList<string> args, ref int i)
    {
        var body = arg[2..];
        var eq = body.IndexOf('=', StringComparison.Ordinal);
        if (eq >= 0)
        {
            return (body[..eq], body[(eq + 1)..]);
        }

        if (body.ToLowerInvariant() is "db" or "platform" or "count")
        {
            var value = i + 1 < args.Count ? args[++i] : null;
            return (body, value);
        }

        return (body, null);
    }

    public const string Usage = """
        Usage: dotnet run --project src/DigestBot -- <verb> [arguments] [--db <path>] [--Section:Key=value]

        Verbs:
          run                          run the bot (the default)
          import <file or folder>...   parse note files and queue their notes; rejected notes are
                                       reported as file:line: reason and make the exit code 1
          queue                        list queued notes in posting order, with their slots
          render <file or note id> [--platform telegram|slack]
                                       print the exact API payloads as JSON lines; posts nothing
          publish [--count N]          post the next N queued notes now (default 1)
          publish <note id>            post that queued note now
          tag <name>                   notes with that tag, newest first (queued ones marked)
          tags                         every tag with its count
          search <words>               full-text search over titles, abstracts and commentary
          retry <note id> | --all      failed deliveries (of one note, or all) go out again at the next slots
          drop <destination>           give up the posts waiting for a paused destination
          withdraw <note id>           take a note out of the queue, or delete every posted copy (the
                                       running bot, or the next run, deletes them)
          requeue <note id>            put a withdrawn note back at the end of the queue
          next <note id>               the note goes out at the next slot
          move <note id> <position>    put a queued note at that place in the queue (from 1)
          history <note id>            every change, delivery and edit of a note, with message ids
          edit <note id>               open the note in $VISUAL or $EDITOR in the digest format; the saved
                                       text updates it as a re-import would (every posted copy is edited)
          pause [until <date or duration>]
                                       no slot takes a note until resume, or until then (2026-12-26,
                                       "2026-12-26 09:00" in Schedule:TimeZone, or 90m, 12h, 3d, 2w)
          resume                       post again from the next slot; skipped slots are not made up
          backup <file> [--force]      write a consistent copy of the database, also while the bot
                                       runs; an existing file is replaced only with --force
          site <folder>                write the web archive of posted notes as static files
                                       (feeds too when --Web:BaseUrl=https://... says where)

        Every verb takes --db <path> to choose the database file (default data/digestbot.db).
        """;
}
