using System.Globalization;
using DigestBot.Hosting;
using DigestBot.Notes;
using DigestBot.Publishing;
using DigestBot.Storage;
using DigestBot.Tests.Platforms.Slack;
using DigestBot.Tests.Platforms.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Tests.Publishing;

/// <summary>
/// The real host posting to a fake Telegram channel and a fake Slack channel at once, on a fast schedule, with curator
/// alerts going to a Telegram group and a Slack channel of their own. Real time: tests wait on conditions.
/// </summary>
internal sealed class TwoPlatformHost : IAsyncDisposable
{
    public const string TelegramChannel = "@digest_channel";
    public const long TelegramAlertChat = -5001;
    public const string SlackAlertChannel = "C0ALERTS01";

    private readonly TempFolder folder = new();

    private string[] arguments = [];

    private TwoPlatformHost(FakeTelegramServer telegram, FakeSlackServer slack)
    {
        Telegram = telegram;
        Slack = slack;
    }

    public FakeTelegramServer Telegram { get; }

    public FakeSlackServer Slack { get; }

    public WebApplication App { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>A folder to run the program's verbs in, beside the host.</summary>
    public string Folder => folder.Path;

    public string DatabasePath => folder.File("data/digestbot.db");

    public T Get<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public static async Task<TwoPlatformHost> StartAsync(IDictionary<string, string> settings, Func<TwoPlatformHost, Task>? beforeStart = null)
    {
        var host = new TwoPlatformHost(
            await FakeTelegramServer.StartAsync(FakeTelegramOptions.Unlimited()),
            await FakeSlackServer.StartAsync());
        host.Slack.AddChannel(SlackAlertChannel);
        var values = new Dictionary<string, string>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Storage:Path"] = host.folder.File("data/digestbot.db"),
            ["Inbox:Path"] = host.folder.File("inbox"),
            ["Publishing:RetryBaseDelay"] = "00:00:00.010",
            ["Publishing:RetryMaxDelay"] = "00:00:00.050",
            ["Telegram:BotToken"] = host.Telegram.Token,
            ["Telegram:ApiBaseUrl"] = host.Telegram.BaseUrl,
            ["Telegram:Channel"] = TelegramChannel,
            ["Telegram:AlertChat"] = TelegramAlertChat.ToString(CultureInfo.InvariantCulture),
            ["Telegram:Pacing:PerChatInterval"] = "00:00:00",
            ["Telegram:Pacing:GroupWindow"] = "00:00:00",
            ["Telegram:Pacing:GlobalWindow"] = "00:00:00",
            ["Slack:BotToken"] = FakeSlackServer.BotToken,
            ["Slack:SigningSecret"] = SlackBotHost.SigningSecret,
            ["Slack:ApiBaseUrl"] = host.Slack.ApiBaseUrl,
            ["Slack:Channel"] = FakeSlackServer.Channel,
            ["Slack:AlertChannel"] = SlackAlertChannel,
            ["Slack:MessageInterval"] = "00:00:00",
            ["Sources:ArxivApiUrl"] = "http://127.0.0.1:9/api/query",
            ["Sources:BackfillInterval"] = "01:00:00",
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        host.arguments = [.. values.Select(kv => $"--{kv.Key}={kv.Value}")];
        await host.StartAppAsync(beforeStart);
        return host;
    }

    /// <summary>Stops the host and starts a new one on the same database, folder and fakes, as a restart of the bot would.</summary>
    public async Task RestartAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await StartAppAsync(null);
    }

    private async Task StartAppAsync(Func<TwoPlatformHost, Task>? beforeStart)
    {
        var app = DigestBotHost.CreateBuilder(arguments, forCommand: false).Build();
        app.MapDigestBot();
        App = app;
        if (beforeStart is not null)
        {
            await beforeStart(this);
        }

        await app.StartAsync();
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public async Task<IReadOnlyList<StoredNote>> QueueAsync(params Note[] notes) =>
        (await Get<NoteStore>().ImportAsync(notes, CancellationToken.None)).Queued;

    /// <summary>Titles posted to the Telegram channel, in the order they arrived.</summary>
    public IReadOnlyList<(string Title, DateTimeOffset At)> TelegramPosts() =>
        Telegram.SentMessages.Where(m => m.ChatId == TelegramChannel).Select(m => (TelegramDestinationTests.Title(m.Text)!, m.At)).ToList();

    /// <summary>Notification texts (the title and the paper link) posted to the Slack channel, in order; continuations excluded.</summary>
    public IReadOnlyList<string> SlackPosts() =>
        Slack.Posts.Where(p => p.Channel == FakeSlackServer.Channel && p.ThreadTs is null).Select(p => (string?)p.Body["text"] ?? "").ToList();

    public IReadOnlyList<string> TelegramAlerts() =>
        Telegram.SentMessages.Where(m => m.ChatId == TelegramAlertChat.ToString(CultureInfo.InvariantCulture)).Select(m => m.Text!).ToList();

    public IReadOnlyList<string> SlackAlerts() =>
        Slack.Posts.Where(p => p.Channel == SlackAlertChannel).Select(p => (string?)p.Body["text"] ?? "").ToList();

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        await Telegram.DisposeAsync();
        await Slack.DisposeAsync();
        folder.Dispose();
    }
}
