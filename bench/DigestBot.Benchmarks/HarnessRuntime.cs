using System.Diagnostics;
using DigestBot.Tests;

namespace DigestBot.Benchmarks;

/// <summary>
/// The runtime settings a harness that shares the two cores with the bot needs, applied by starting this program
/// again with them when they are missing (they are read at start-up only):
/// <list type="bullet">
/// <item>server GC (<c>DOTNET_gcServer=1</c>): workstation GC paused the fake for up to 45 ms at a time, and latency
/// is measured at the fake;</item>
/// <item>no tiering delay (<c>DOTNET_TC_CallCountingDelayMs=0</c>): the runtime holds back tier-1 compilation until
/// 100 ms pass without a new method compiled, so the harness compiled its hot paths in the first half second of the
/// measured run, on the bot's cores, and that run began with a backlog of 30-120 ms (fix 14).</item>
/// </list>
/// </summary>
internal static class HarnessRuntime
{
    private static readonly (string Name, string Value)[] Settings =
    [
        ("DOTNET_gcServer", "1"),
        ("DOTNET_TC_CallCountingDelayMs", "0"),
    ];

    /// <summary>Null when this process already runs with the settings; otherwise the exit code of the same verb run with them.</summary>
    public static async Task<int?> RerunWithSettingsAsync()
    {
        if (Settings.All(s => Environment.GetEnvironmentVariable(s.Name) == s.Value))
        {
            return null;
        }

        var self = typeof(HarnessRuntime).Assembly.Location;
        var start = BuiltProgram.StartInfo(self, Environment.GetCommandLineArgs().Skip(1));
        foreach (var (name, value) in Settings)
        {
            start.Environment[name] = value;
        }

        Console.WriteLine($"harness: started again with {string.Join(" ", Settings.Select(s => $"{s.Name}={s.Value}"))}");
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {self}");
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
