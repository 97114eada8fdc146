using System.Diagnostics;

namespace DigestBot.Tests;

/// <summary>
/// The program the process tests start: the build beside the tests, or the one <c>DIGESTBOT_PROGRAM</c> names — a
/// <c>DigestBot.dll</c>, or the native executable <c>dotnet publish -r linux-x64 -p:PublishAot=true</c> makes — so the
/// same tests check a published build (README, "Deploying").
/// </summary>
internal static class BuiltProgram
{
    public const string Variable = "DIGESTBOT_PROGRAM";

    public static string Path =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } chosen
            ? System.IO.Path.GetFullPath(chosen)
            : System.IO.Path.Combine(AppContext.BaseDirectory, "DigestBot.dll");

    /// <summary>A start for the program with <paramref name="args"/>: through the dotnet host for a .dll, directly otherwise.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args) => StartInfo(Path, args);

    /// <summary>The same for another build of the program (the benchmarks choose theirs on the command line).</summary>
    public static ProcessStartInfo StartInfo(string program, IEnumerable<string> args)
    {
        var managed = program.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var info = new ProcessStartInfo(managed ? DotnetHost() : program);
        if (managed)
        {
            info.ArgumentList.Add(program);
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } self && System.IO.Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : "dotnet";
}
