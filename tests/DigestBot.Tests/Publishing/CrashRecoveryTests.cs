using System.Diagnostics;
using System.Globalization;
using DigestBot.Storage;
using DigestBot.Tests.Platforms.Telegram;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace DigestBot.Tests.Publishing;

/// <summary>
/// The built program posting 50 notes to the fake Bot API is SIGKILLed at varied moments and restarted until done.
/// Every note must reach the channel, in order; a note may appear twice only if its message was in flight at a kill:
/// accepted by Telegram, but not yet in the delivery record. The fake holds every send past the one a kill waits for,
/// so each run stops where the test says and six kills always happen.
/// </summary>
[Collection(TimingCollection.Name)]
public sealed class CrashRecoveryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int NoteCount = 50;

    // When to kill each run: once it has sent this many messages to the fake, plus a pause (0: while the last is in flight).
    private static readonly (int Sends, int PauseMs)[] Kills = [(4, 0), (7, 0), (6, 40), (7, 2), (6, 0), (5, 6)];

    private readonly TempFolder folder = new();
    private FakeTelegramServer fake = null!;

    private string Database => folder.File("data/digestbot.db");

    public async Task InitializeAsync() => fake = await FakeTelegramServer.StartAsync(FakeTelegramOptions.Shrunken());

    public async Task DisposeAsync()
    {
        await fake.DisposeAsync();
        folder.Dispose();
    }

    [Fact]
    public async Task Killed_at_varied_moments_while_posting_50_notes_every_note_arrives_and_only_a_message_in_flight_repeats()
    {
        var clock = Stopwatch.StartNew();
        var titles = Enumerable.Range(1, NoteCount).Select(i => $"Crash test paper {i:00}").ToList();
        var file = folder.Write("notes/crash.txt", string.Concat(titles.Select(t => $"{t}\nAn abstract about {t}.\n#crash_test\n\n")));
        await using (var import = BotProcess.Start(folder.Path, "import", file, "--db", Database))
        {
            Assert.Equal(0, await import.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        }

        var inFlightAtKills = new List<int>();
        var kills = 0;
        string? previousRunLeftAMessageInFlight = null;
        foreach (var (sends, pauseMs) in Kills)
        {
            // Counted from arrivals, not answers: a send held at the last kill arrived without an answer, and counting
            // answers would let this run stop at its first send, the resend of the note in flight at that kill.
            var arrivals = fake.Arrivals("sendMessage") + sends;
            if (NoteCount - fake.SentMessages.Select(m => m.Text).Distinct().Count() <= sends)
            {
                break;
            }

            // However fast the bot posts on a busy machine, it gets no further than this send before the kill.
            fake.HoldSendsAfter(arrivals);
            await using var bot = BotProcess.Start(folder.Path, RunArgs());
            await fake.WaitForArrivalsAsync("sendMessage", arrivals).WaitAsync(TimeSpan.FromSeconds(30));
            if (pauseMs > 0)
            {
                await Task.Delay(pauseMs);
            }

            await bot.KillAsync();
            kills++;
            await Eventually.TrueAsync(() => fake.InProgress == 0, "the fake to finish answering the request the bot no longer waits for");
            CheckResumeWasAnnounced(previousRunLeftAMessageInFlight, bot.Stderr);

            var accepted = AcceptedMessageIds();
            var recorded = await RecordedMessageIdsAsync();
            Assert.Subset(accepted.ToHashSet(), recorded.ToHashSet());
            // Messages in flight at earlier kills stay unrecorded for good: their notes were recorded with the resend.
            var inFlight = accepted.Except(recorded).Except(inFlightAtKills).ToList();
            Assert.True(inFlight.Count <= 1, $"kill at send {arrivals}: {inFlight.Count} accepted messages missing from the records");
            inFlightAtKills.AddRange(inFlight);
            previousRunLeftAMessageInFlight = inFlight.Count > 0 ? Title(inFlight[0]) : null;
        }

        fake.HoldSendsAfter(int.MaxValue);
        await using (var last = BotProcess.Start(folder.Path, RunArgs()))
        {
            await Eventually.TrueAsync(async () => (await DeliveriesAsync()).All(d => d.State == "sent"), "every note delivered", TimeSpan.FromSeconds(30));
            await last.KillAsync();
            CheckResumeWasAnnounced(previousRunLeftAMessageInFlight, last.Stderr);
        }

        var sent = fake.SentMessages.Select(m => TelegramDestinationTests.Title(m.Text)!).ToList();
        var duplicates = sent.GroupBy(t => t).Where(g => g.Count() > 1).ToDictionary(g => g.Key, g => g.Count() - 1);
        var deliveries = await DeliveriesAsync();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{titles.Count} notes, {kills} kills, {fake.SentMessages.Count} messages accepted, {duplicates.Values.Sum()} duplicate(s)"
            + $" [{string.Join("; ", duplicates.Keys)}], {inFlightAtKills.Count} message(s) in flight at a kill,"
            + $" {fake.TooManyRequestsSent} 429(s), {clock.Elapsed.TotalSeconds:0.0} s in all"));

        Assert.Equal(Kills.Length, kills);
        Assert.Equal(titles, sent.Distinct());
        Assert.Equal(inFlightAtKills.Count, duplicates.Values.Sum());
        Assert.Equal(inFlightAtKills.Select(Title).Order(), duplicates.Keys.Order());
        Assert.Equal(titles.Count, deliveries.Count);
        Assert.All(deliveries, d =>
        {
            Assert.Equal("sent", d.State);
            var id = Assert.Single(d.MessageIds);
            Assert.Equal(d.Title, Title(id));
            Assert.Equal($"https://t.me/crash_channel/{id}", d.Permalink);
        });
    }

    [Fact]
    public async Task A_wrong_token_stops_the_program_at_start_with_one_sentence_and_without_the_token()
    {
        const string wrong = "987654321:AAWrongTokenWrongTokenWrongToken00";
        await using var bot = BotProcess.Start(folder.Path, [.. RunArgs().Where(a => !a.StartsWith("--Telegram:BotToken=", StringComparison.Ordinal)), $"--Telegram:BotToken={wrong}"]);

        var exit = await bot.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, exit);
        Assert.Equal(
            "Configuration error: Telegram refused Telegram:BotToken (401 Unauthorized). Set it to the token @BotFather gave the bot, which looks like 123456789:AA…",
            bot.Stderr.Trim());
        Assert.DoesNotContain(wrong, bot.Stdout + bot.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(fake.Calls, c => c.Method == "sendMessage");
    }

    private string[] RunArgs() => TelegramRunArguments.Posting(Database, folder.File("inbox"), fake, "@crash_channel", NoteCount);

    private static void CheckResumeWasAnnounced(string? titleInFlight, string stderr)
    {
        if (titleInFlight is not null)
        {
            Assert.Contains("the part in flight at the interruption may appear twice", stderr, StringComparison.Ordinal);
        }
    }

    /// <summary>The fake numbers a channel's messages 1, 2, 3… in the order it accepts them.</summary>
    private List<int> AcceptedMessageIds() => Enumerable.Range(1, fake.SentMessages.Count).ToList();

    private string Title(int messageId) => TelegramDestinationTests.Title(fake.SentMessages[messageId - 1].Text)!;

    private async Task<List<int>> RecordedMessageIdsAsync() =>
        (await DeliveriesAsync()).SelectMany(d => d.MessageIds).ToList();

    private async Task<List<(string Title, string State, IReadOnlyList<int> MessageIds, string? Permalink)>> DeliveriesAsync()
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT n.title, d.state, d.message_ids, d.permalink FROM deliveries d JOIN notes n ON n.id = d.note_id ORDER BY n.queue_position";
        var result = new List<(string, string, IReadOnlyList<int>, string?)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var ids = NoteRows.List(reader.GetString(2)).Select(id => int.Parse(id, CultureInfo.InvariantCulture)).ToList();
            result.Add((reader.GetString(0), reader.GetString(1), ids, reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return result;
    }
}
