using System.Globalization;
using DigestBot.Publishing;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Tests.Platforms.Telegram;

/// <summary>
/// Nobody can slow the conversation down: a group flooding the bot holds only its own chat's lane, while a curator's
/// private question and the channel's post go ahead of the flood's remaining answers.
/// </summary>
public sealed class TelegramFloodTests
{
    private const long Group = -4501;
    private const int Users = 20;
    private const int SearchesEach = 20;

    [Fact]
    public async Task A_group_flood_of_searches_delays_neither_a_curator_s_help_nor_the_channel_post_due_meanwhile()
    {
        // Ten sends a second overall (Telegram's 30 a second, shrunk so that the flood's answers take seconds):
        // the overall window is what the flood, the curator's answer and the post all wait for.
        await using var host = await TelegramChatHost.StartAsync(new Dictionary<string, string>
        {
            ["Telegram:Pacing:PerChatInterval"] = "00:00:00",
            ["Telegram:Pacing:GroupWindow"] = "00:00:00",
            ["Telegram:Pacing:GlobalMessagesPerWindow"] = "2",
            ["Telegram:Pacing:GlobalWindow"] = "00:00:00.200",
        });
        await host.ImportSampleAndPostAsync();
        await host.QueueAsync(NoteFactory.Paper("비디오 분할의 새로운 기준", tags: ["video-segmentation"]));

        // The chat's limit counts in fixed one-minute windows of the clock: a flood that runs across a minute's end
        // gets a second allowance.
        var firstWindow = MinuteNow();
        for (var search = 0; search < SearchesEach; search++)
        {
            for (var user = 0; user < Users; user++)
            {
                host.Telegram.EnqueueMessage(Group, "/search 비디오", fromUserId: 6000 + user, languageCode: "ko");
            }
        }

        host.Telegram.EnqueueMessage(TelegramChatHost.Curator, "/help", fromUserId: TelegramChatHost.Curator, languageCode: "ko");
        var help = await host.NextMessageAsync(TelegramChatHost.Curator.ToString(CultureInfo.InvariantCulture), 0);

        // The post falls due while the flood is being answered.
        await host.Until(() => host.MessagesTo(Group).Count >= 5, "the flood's first answers");
        var groupAnswersWhenDue = host.MessagesTo(Group).Count;
        var published = await host.Services.GetRequiredService<Publisher>().PublishNextAsync(1, default);
        await host.Until(async () => (long)(await SqliteFile.ScalarAsync(host.DatabasePath, "SELECT COUNT(*) FROM pending_updates"))! == 0, "every update of the flood to be answered");

        var windows = MinuteNow() - firstWindow + 1;
        var sent = host.Telegram.SentMessages.ToList();
        var lastFloodAnswer = sent.FindLastIndex(m => m.ChatId == Group.ToString(CultureInfo.InvariantCulture));
        var post = sent.FindIndex(m => m.ChatId == TelegramChatHost.Channel);
        var floodAnswersBeforePost = sent.Take(post).Count(m => m.ChatId == Group.ToString(CultureInfo.InvariantCulture));

        Assert.Single(published);
        Assert.Contains("DigestBot", help.Text);
        Assert.True(sent.IndexOf(help) < lastFloodAnswer, $"the curator's /help was answered at {sent.IndexOf(help)}, after the flood's last answer at {lastFloodAnswer}");
        Assert.True(post >= 0 && post < lastFloodAnswer, $"the post went out at {post}, the flood's last answer at {lastFloodAnswer}");
        // The post does not wait behind the flood's remaining answers (more than 50 here): at most two seconds of the
        // overall rate (ten a second) went out between the post falling due and the post, however busy the machine is
        // while the publisher reads and renders the note.
        Assert.InRange(floodAnswersBeforePost - groupAnswersWhenDue, 0, 20);
        // The chat's limit (60 commands a minute) answered the rest of the flood with one "slow down" and then silence.
        Assert.InRange(host.MessagesTo(Group).Count, 60, 62 * windows);
    }

    private static long MinuteNow() => DateTimeOffset.UtcNow.UtcTicks / TimeSpan.TicksPerMinute;
}
