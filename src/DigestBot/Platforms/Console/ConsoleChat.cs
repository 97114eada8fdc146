using System.Text;
using DigestBot.Chat;
using DigestBot.Notes;

namespace DigestBot.Platforms.Console;

/// <summary>
/// Lines typed on standard input are chat messages from a local curator: commands are answered at once,
/// a line with a paper link queues that paper, and pasted digest text is queued as soon as a note's hashtag line arrives.
/// </summary>
internal sealed class ConsoleChat(
    ConsoleInput input,
    ConsoleOutput output,
    ChatCommandHandler commands,
    PaperLinkIntake links,
    NoteImporter importer,
    ILogger<ConsoleChat> log) : BackgroundService
{
    private readonly DigestTextParser parser = new();
    private readonly StringBuilder pasted = new();

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
                output.WriteBlock("Sorry, that failed: " + ex.Message);
            }
        }
    }

    internal async Task HandleLineAsync(string line, CancellationToken ct)
    {
        if (pasted.Length == 0 && ChatCommand.Parse(line) is { } command)
        {
            // /help lists /subscribe for every platform; the console is where every post appears already.
            var reply = ChatSubscriptions.Handles(command)
                ? ChatReply.Text("The console shows every post already.", "/subscribe and /unsubscribe are for Telegram and Slack chats.")
                : await commands.HandleAsync(new ChatMessage(ChatPlatform.Console, "console", "console", line, FromCurator: true), ct);
            if (reply is not null)
            {
                output.WriteBlock(ConsoleReplyFormatter.Format(reply, commands.FormatSlot));
            }

            return;
        }

        if (pasted.Length == 0 && string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        if (pasted.Length == 0 && await links.HandleAsync(new ChatMessage(ChatPlatform.Console, "console", "console", line, FromCurator: true), [], ct) is { } queued)
        {
            output.WriteBlock(ConsoleReplyFormatter.Format(queued.Reply, commands.FormatSlot));
            return;
        }

        pasted.Append(line).Append('\n');
        if (HashtagLine.TryParse(line, out _))
        {
            var text = pasted.ToString();
            pasted.Clear();
            await ImportPastedAsync(text, ct);
        }
    }

    private async Task ImportPastedAsync(string text, CancellationToken ct)
    {
        var report = await importer.ImportParsedAsync("console", parser.Parse(text, "console"), ct);
        var answer = new StringBuilder();
        foreach (var queued in report.Outcome.Queued)
        {
            answer.Append("Queued: ").Append(queued.Note.Title).Append('\n');
        }

        foreach (var (note, id) in report.Outcome.AlreadyStored)
        {
            answer.Append("Already stored (note ").Append(id).Append("): ").Append(note.Title).Append('\n');
        }

        foreach (var problem in report.Problems)
        {
            answer.Append(problem).Append('\n');
        }

        if (report.Outcome.Queued.Count > 0)
        {
            answer.Append((await commands.QueueAsync(ct)).Heading).Append('\n');
        }

        output.WriteBlock(answer.ToString());
    }
}
