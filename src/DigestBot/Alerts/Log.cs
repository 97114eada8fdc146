namespace DigestBot.Alerts;

internal static partial class Log
{
    [LoggerMessage(9001, LogLevel.Warning, "Alert for the curators: {What} {ToDo}")]
    public static partial void Raised(ILogger logger, string what, string toDo);

    [LoggerMessage(9002, LogLevel.Error, "Could not send an alert through {Channel}: {What}")]
    public static partial void SendFailed(ILogger logger, Exception exception, string channel, string what);
}
