using System.Globalization;

namespace DigestBot.Benchmarks;

/// <summary><c>--name value</c> options of the bench verbs, with defaults.</summary>
internal sealed class VerbArguments(string[] args)
{
    public int Int(string name, int fallback)
    {
        var i = Array.IndexOf(args, "--" + name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    public string String(string name, string fallback)
    {
        var i = Array.IndexOf(args, "--" + name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    public bool Flag(string name) => args.Contains("--" + name);

    public string? Positional(int index)
    {
        var positional = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal))).ToList();
        return index < positional.Count ? positional[index] : null;
    }
}
