namespace DigestBot.Tests.Platforms.Telegram;

/// <summary>The command line of <c>run</c> for a bot process on the fake Telegram, its web server on a free loopback port.</summary>
internal static class TelegramRunArguments
{
    public static string[] For(string database, string inbox, FakeTelegramServer telegram, string channel, params string[] more) =>
    [
        "run",
        "--Urls=http://127.0.0.1:0",
        $"--Storage:Path={database}",
        $"--Inbox:Path={inbox}",
        $"--Telegram:BotToken={telegram.Token}",
        $"--Telegram:ApiBaseUrl={telegram.BaseUrl}",
        $"--Telegram:Channel={channel}",
        .. more,
    ];

    /// <summary>
    /// <c>run</c> posting <paramref name="notesPerSlot"/> notes every second under Telegram's limits shrunk 100-fold
    /// (as <see cref="FakeTelegramOptions.Shrunken"/>), retrying within half a second: for tests that kill the program.
    /// </summary>
    public static string[] Posting(string database, string inbox, FakeTelegramServer telegram, string channel, int notesPerSlot) => For(
        database,
        inbox,
        telegram,
        channel,
        "--Schedule:Cron=* * * * * *",
        $"--Schedule:NotesPerSlot={notesPerSlot}",
        "--Telegram:Pacing:PerChatInterval=00:00:00.010",
        "--Telegram:Pacing:GroupMessagesPerWindow=20",
        "--Telegram:Pacing:GroupWindow=00:00:00.600",
        "--Telegram:Pacing:GlobalMessagesPerWindow=30",
        "--Telegram:Pacing:GlobalWindow=00:00:00.010",
        "--Publishing:RetryBaseDelay=00:00:00.050",
        "--Publishing:RetryMaxDelay=00:00:00.500");
}
