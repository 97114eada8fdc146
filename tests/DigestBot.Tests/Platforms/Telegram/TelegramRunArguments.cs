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
}
