namespace DigestBot.Platforms.Console;

/// <summary>Standard output shared by posts and answers, one whole block at a time so they never interleave.</summary>
internal sealed class ConsoleOutput(TextWriter writer)
{
    private readonly Lock gate = new();

    public ConsoleOutput()
        : this(System.Console.Out)
    {
    }

    public void WriteBlock(string text)
    {
        lock (gate)
        {
            writer.WriteLine(text.TrimEnd('\n'));
            writer.WriteLine();
            writer.Flush();
        }
    }
}
