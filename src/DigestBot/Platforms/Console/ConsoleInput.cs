namespace DigestBot.Platforms.Console;

/// <summary>Standard input, wrapped so tests can type into the console platform.</summary>
internal sealed class ConsoleInput(TextReader reader)
{
    public ConsoleInput()
        : this(System.Console.In)
    {
    }

    public TextReader Reader { get; } = reader;
}
