using DigestBot.Chat;
using Microsoft.Extensions.Options;

namespace DigestBot.Platforms.Console;

/// <summary>
/// Lines typed on standard input are chat messages from a local curator, handed to the <see cref="Conversation"/>
/// one by one (pasted digest text arrives this way too); answers are printed as plain text.
/// </summary>
internal sealed class ConsoleChat(
    ConsoleInput input,
    ConsoleOutput output,
    Conversation conversation,
    IOptions<ChatOptions> options,
    ILogger<ConsoleChat> log) : BackgroundService
{
    private static readonly string Console = ChatPlatform.Console.Name();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            // Console reads block their thread whatever token they get; reading on another thread lets shutdown go on without it.
            var line = await Task.Run(input.Reader.ReadLine, CancellationToken.None).WaitAsync(stoppingToken);
            if (line is null)
            {
                Log.InputClosed(log);
                return;
            }

            try
            {
                await HandleLineAsync(line, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.LineFailed(log, ex);
                output.WriteBlock(ChatText.Format(options.Value.ParsedLanguage, ChatTextKey.ConsoleFailed, ex.Message));
            }
        }
    }

    internal async Task HandleLineAsync(string line, CancellationToken ct)
    {
        var asked = new ChatMessage(ChatPlatform.Console, Console, Console, line, FromCurator: true);
        if (await conversation.HandleAsync(asked, ct) is { } answer)
        {
            output.WriteBlock(ConsoleReplyFormatter.Format(answer.Reply));
        }
    }
}
