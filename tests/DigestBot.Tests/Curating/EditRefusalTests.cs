using DigestBot.Cli;
using DigestBot.Publishing;
using DigestBot.Storage;
using DigestBot.Tests.Platforms.Slack;
using DigestBot.Tests.Platforms.Telegram;
using DigestBot.Tests.Publishing;

namespace DigestBot.Tests.Curating;

/// <summary>
/// The platforms saying no while the running bot carries out a curator's change: a rate limit is waited out and the
/// change made once; a message the platform will no longer edit is reported to the curators once, with the platform's
/// words, and never tried again, while every other copy follows.
/// </summary>
[Collection(TimingCollection.Name)]
public sealed class EditRefusalTests
{
    private const string Corrected = "SAM 2가 나왔군요. 비디오 분할의 확장입니다.";

    [Fact]
    public async Task Rate_limits_on_editMessageText_and_chat_update_are_waited_out_and_each_copy_is_edited_once()
    {
        await using var host = await CuratingHost.StartAsync();
        var (file, slackTs) = await CuratingHost.ImportAndPostFirstAsync(host, CuratingHost.Digest("SAM 2가 나왔군요.", "상태 공간 모델입니다."));
        host.Telegram.FailNext("editMessageText", 2, FakeTelegramFailure.TooManyRequests, retryAfterSeconds: 1);
        host.Slack.FailNext("chat.update", 1, FakeSlackFailure.TooManyRequests, retryAfterSeconds: 1);

        await File.WriteAllTextAsync(file, CuratingHost.Digest(Corrected, "상태 공간 모델입니다."));
        Assert.Equal(0, (await ProgramProcess.RunAsync(host.Folder, "import", file, "--db", host.DatabasePath)).ExitCode);

        await Eventually.TrueAsync(
            () => CuratingHost.Edited(host.Telegram.CurrentText(TwoPlatformHost.TelegramChannel, 1))
                && CuratingHost.Edited(host.Telegram.CurrentText(CuratingHost.SubscriberChat, 1))
                && CuratingHost.Edited(host.Slack.CurrentText(slackTs)),
            "every posted copy edited after the rate limits",
            TimeSpan.FromSeconds(60));
        await CuratingHost.EveryChangeRecordedSentAsync(host, 3);
        Assert.Equal(2, host.Telegram.Calls.Count(c => c.Method == "editMessageText" && c.StatusCode == 429));
        Assert.Equal(2, host.Telegram.Calls.Count(c => c.Method == "editMessageText" && c.StatusCode == 200));
        Assert.Single(host.Slack.Calls, c => c.Method == "chat.update" && c.StatusCode == 429);
        Assert.Single(host.Slack.Calls, c => c.Method == "chat.update" && c.StatusCode == 200 && c.Error is null);
        Assert.Empty(host.TelegramAlerts());
        Assert.Empty(host.SlackAlerts());
    }

    [Fact]
    public async Task A_Slack_message_past_its_edit_window_is_reported_to_the_curators_once_and_not_retried_while_Telegram_follows()
    {
        await using var host = await CuratingHost.StartAsync();
        var (file, slackTs) = await CuratingHost.ImportAndPostFirstAsync(host, CuratingHost.Digest("SAM 2가 나왔군요.", "상태 공간 모델입니다."));
        host.Slack.FailNext("chat.update", 1, FakeSlackFailure.EditWindowClosed);

        await File.WriteAllTextAsync(file, CuratingHost.Digest(Corrected, "상태 공간 모델입니다."));
        Assert.Equal(0, (await ProgramProcess.RunAsync(host.Folder, "import", file, "--db", host.DatabasePath)).ExitCode);

        await Eventually.TrueAsync(
            () => host.TelegramAlerts().Count == 1 && host.SlackAlerts().Count == 1
                && CuratingHost.Edited(host.Telegram.CurrentText(TwoPlatformHost.TelegramChannel, 1))
                && CuratingHost.Edited(host.Telegram.CurrentText(CuratingHost.SubscriberChat, 1)),
            "the refusal reported and the Telegram copies edited",
            TimeSpan.FromSeconds(60));
        var slack = DestinationKey.Channel(DestinationKey.Slack, FakeSlackServer.Channel).ToString();
        Assert.Contains($"(note 1) could not be changed everywhere on {slack}: edit of message {slackTs}: edit_window_closed", host.SlackAlerts()[0], StringComparison.Ordinal);
        Assert.Contains("history 1", host.SlackAlerts()[0], StringComparison.Ordinal);
        Assert.Contains("edit_window_closed", host.TelegramAlerts()[0], StringComparison.Ordinal);
        Assert.False(CuratingHost.Edited(host.Slack.CurrentText(slackTs)));
        var failed = Assert.Single(await host.Get<MessageEditStore>().ForNoteAsync(1, CancellationToken.None), e => e.Destination == slack);
        Assert.Equal("failed", failed.State.ToString().ToLowerInvariant());

        // Another change to the same note later: the refused message is not tried again, and no new alert repeats the old one.
        await File.WriteAllTextAsync(file, CuratingHost.Digest(Corrected + " 다시 고쳤습니다.", "상태 공간 모델입니다."));
        Assert.Equal(0, (await ProgramProcess.RunAsync(host.Folder, "import", file, "--db", host.DatabasePath)).ExitCode);
        await Eventually.TrueAsync(
            () => host.Telegram.CurrentText(TwoPlatformHost.TelegramChannel, 1)?.Contains("다시 고쳤습니다", StringComparison.Ordinal) == true
                && host.Slack.CurrentText(slackTs)?.Contains("다시 고쳤습니다", StringComparison.Ordinal) == true,
            "the next change carried out everywhere",
            TimeSpan.FromSeconds(60));
        Assert.Equal(2, host.Slack.Calls.Count(c => c.Method == "chat.update"));
        Assert.Single(host.TelegramAlerts());

        var history = new StringWriter();
        Assert.Equal(0, await Verbs.RunAsync(CuratingHost.Cli("history", "1"), host.App.Services, history, TextWriter.Null, CancellationToken.None));
        Assert.Contains("edit_window_closed", history.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rate_limits_on_deleteMessage_and_chat_delete_during_a_withdrawal_are_waited_out_and_every_copy_goes()
    {
        await using var host = await CuratingHost.StartAsync();
        var (_, slackTs) = await CuratingHost.ImportAndPostFirstAsync(host, CuratingHost.Digest("SAM 2가 나왔군요.", "상태 공간 모델입니다."));
        host.Telegram.FailNext("deleteMessage", 2, FakeTelegramFailure.TooManyRequests, retryAfterSeconds: 1);
        host.Slack.FailNext("chat.delete", 1, FakeSlackFailure.TooManyRequests, retryAfterSeconds: 1);

        Assert.Equal(0, (await ProgramProcess.RunAsync(host.Folder, "withdraw", "1", "--db", host.DatabasePath)).ExitCode);

        await Eventually.TrueAsync(
            () => host.Telegram.CurrentText(TwoPlatformHost.TelegramChannel, 1) is null
                && host.Telegram.CurrentText(CuratingHost.SubscriberChat, 1) is null
                && host.Slack.CurrentText(slackTs) is null,
            "every posted copy deleted after the rate limits",
            TimeSpan.FromSeconds(60));
        await CuratingHost.EveryChangeRecordedSentAsync(host, 3);
        Assert.Equal(2, host.Telegram.Calls.Count(c => c.Method == "deleteMessage" && c.StatusCode == 429));
        Assert.Equal(2, host.Telegram.Calls.Count(c => c.Method == "deleteMessage" && c.StatusCode == 200));
        Assert.Single(host.Slack.Calls, c => c.Method == "chat.delete" && c.StatusCode == 200 && c.Error is null);
        Assert.Empty(host.TelegramAlerts());
    }
}
