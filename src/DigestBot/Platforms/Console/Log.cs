namespace DigestBot.Platforms.Console;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Standard input closed; the console no longer reads commands, and posting goes on")]
    public static partial void InputClosed(ILogger logger);

    [LoggerMessage(2, LogLevel.Error, "A console line could not be handled")]
    public static partial void LineFailed(ILogger logger, Exception exception);
}
