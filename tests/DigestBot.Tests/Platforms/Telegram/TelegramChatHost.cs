using System.Globalization;
using System.Text.Json.Nodes;
using DigestBot.Hosting;
using DigestBot.Importing;
using DigestBot.Notes;
using DigestBot.Publishing;
using DigestBot.Sources;
using DigestBot.Storage;
using DigestBot.Tests.Sources;
using DigestBot.Tests.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Tests.Platforms.Telegram;

/// <summary>
/// The real host, configured as in production but pointed at a fake Telegram and a fake arXiv on loopback,
/// with its database in a temp folder. Tests talk to it only through the fakes (and read its store).
/// </summary>
internal sealed class TelegramChatHost : IAsyncDisposable
{
    public const long Curator = 777;
    public const long Reader = 4242;
    public const string Channel = "@digest_channel";
    public const string ChannelKey = "telegram:@digest_channel";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly TempFolder folder;

    private TelegramChatHost(TempFolder folder, FakeTelegramServer telegram, FakeArxivServer arxiv, WebApplication app)
    {
        this.folder = folder;
        Telegram = telegram;
        Arxiv = arxiv;
        App = app;
    }

    public FakeTelegramServer Telegram { get; }

    public FakeArxivServer Arxiv { get; }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    public Uri BaseAddress => new(App.Urls.First());

    /// <summary>The database file this host uses, to start another host on it.</summary>
    public string DatabasePath => Services.GetRequiredService<SqliteDatabase>().FullPath;

    /// <param name="telegramOptions">The fake's options; <see cref="FakeTelegramOptions.Unlimited"/> by default.</param>
    /// <param name="queued">Updates to queue before the host starts, so its first <c>getUpdates</c> fetches them as one batch.</param>
    public static async Task<TelegramChatHost> StartAsync(
        IDictionary<string, string>? settings = null,
        Action<FakeArxivServer>? papers = null,
        FakeTelegramOptions? telegramOptions = null,
        Action<FakeTelegramServer>? queued = null)
    {
        var folder = new TempFolder();
        var telegram = await FakeTelegramServer.StartAsync(telegramOptions ?? FakeTelegramOptions.Unlimited());
        queued?.Invoke(telegram);
        var arxiv = await FakeArxivServer.StartAsync();
        papers?.Invoke(arxiv);
        var values = new Dictionary<string, string>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Storage:Path"] = folder.File("data/digestbot.db"),
            ["Inbox:Path"] = folder.File("inbox"),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Schedule:Cron"] = "0 9 * * *",
            ["Schedule:TimeZone"] = "Asia/Seoul",
            ["Publishing:RetryBaseDelay"] = "00:00:00.010",
            ["Publishing:RetryMaxDelay"] = "00:00:00.050",
            ["Telegram:BotToken"] = telegram.Token,
            ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
            ["Telegram:Channel"] = Channel,
            ["Telegram:Admins:0"] = Curator.ToString(CultureInfo.InvariantCulture),
            ["Sources:ArxivApiUrl"] = arxiv.ApiUrl.ToString(),
            ["Sources:ArxivMinInterval"] = "00:00:00.001",
            ["Sources:BackfillInterval"] = "01:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        var builder = DigestBotHost.CreateBuilder(values.Select(kv => $"--{kv.Key}={kv.Value}").ToList(), forCommand: false);
        var app = builder.Build();
        app.MapDigestBot();
        await app.StartAsync();
        return new TelegramChatHost(folder, telegram, arxiv, app);
    }

    public static PaperMetadata Paper(string arxivId, string title, params string[] authors) =>
        new(arxivId, title, authors.Length == 0 ? ["Ada Lovelace", "Alan Turing"] : authors, $"We study {title.ToLowerInvariant()} at length.", new Uri($"https://arxiv.org/abs/{arxivId}"), null, ["cs.LG"]);

    /// <summary>Someone writes <paramref name="text"/> into the chat; returns the bot's answer there.</summary>
    public Task<FakeTelegramCall> SendAsync(long chatId, string text, long from = Reader, string? languageCode = null) =>
        AnswerToAsync(chatId, () => Telegram.EnqueueMessage(chatId, text, from, languageCode));

    /// <summary>Delivers the update; returns the bot's next message into the chat.</summary>
    public Task<FakeTelegramCall> SendUpdateAsync(long chatId, JsonObject update) =>
        AnswerToAsync(chatId, () => Telegram.EnqueueUpdate(update));

    public async Task<FakeTelegramCall> AnswerToAsync(long chatId, Action act)
    {
        var chat = chatId.ToString(CultureInfo.InvariantCulture);
        var before = MessagesTo(chatId).Count;
        act();
        return await NextMessageAsync(chat, before);
    }

    /// <summary>
    /// The id the fake gave the bot's answer: it numbers each chat's messages in order, so an answer sent right after
    /// the message it replies to (written with <see cref="FakeTelegramServer.EnqueueMessage"/>) has the next id.
    /// </summary>
    public static int AnswerId(FakeTelegramCall answer) => answer.ReplyToMessageId!.Value + 1;

    public IReadOnlyList<FakeTelegramCall> MessagesTo(long chatId) =>
        Telegram.SentMessages.Where(c => c.ChatId == chatId.ToString(CultureInfo.InvariantCulture)).ToList();

    public async Task<FakeTelegramCall> NextMessageAsync(string chat, int before)
    {
        await Until(() => Telegram.SentMessages.Count(c => c.ChatId == chat) > before, $"a message to chat {chat}");
        return Telegram.SentMessages.Where(c => c.ChatId == chat).ElementAt(before);
    }

    public Task Until(Func<bool> condition, string what) => Until(() => Task.FromResult(condition()), what);

    public async Task Until(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                var calls = string.Join("\n", Telegram.Calls.Select(c => $"{c.Method} {c.StatusCode} {c.ChatId} {c.Text}"));
                throw new TimeoutException($"Waited {Patience} for {what}. Telegram calls so far:\n{calls}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Imports the sample digest, then marks its notes posted to the channel as messages 1, 2, …</summary>
    public async Task<IReadOnlyList<StoredNote>> ImportSampleAndPostAsync()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Formatting", "digest-2024-07-30.txt");
        var report = await Services.GetRequiredService<NoteImporter>().ImportFileAsync(path, default);
        Assert.Equal(6, report.Outcome.Queued.Count);
        return await PostAllQueuedAsync();
    }

    public async Task<IReadOnlyList<StoredNote>> QueueAsync(params Note[] notes)
    {
        var outcome = await Services.GetRequiredService<NoteStore>().ImportAsync(notes, default);
        return outcome.Queued;
    }

    /// <summary>Records every queued note as posted to the channel, message id = note id, in one transaction (see <see cref="PostedRecords"/>).</summary>
    public async Task<IReadOnlyList<StoredNote>> PostAllQueuedAsync()
    {
        var ids = await PostedRecords.RecordAllQueuedAsync(
            Services.GetRequiredService<SqliteDatabase>(), ChannelKey, PostedRecords.Id, id => $"https://t.me/digest_channel/{id}", Services.GetRequiredService<TimeProvider>().GetUtcNow());
        var notes = Services.GetRequiredService<NoteStore>();
        var taken = new List<StoredNote>();
        foreach (var id in ids)
        {
            taken.Add((await notes.FindAsync(id, default))!);
        }

        return taken;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Telegram.DisposeAsync();
        await Arxiv.DisposeAsync();
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}
