using System.Globalization;
using DigestBot.Tests.Publishing;

namespace DigestBot.Tests.Platforms.Telegram;

/// <summary>
/// The program itself (the native build in CI) asking Telegram who someone is: every shape of <c>getChatMember</c>
/// answer is read, an owner subscribes the group, a member may not, and only the channel's members are answered.
/// </summary>
public sealed class TelegramRolesProcessTests
{
    private const long Group = -4001;
    private const long Member = 4242, Owner = 5252, Muted = 6363, Leaver = 6262, MutedAndGone = 6464, Banned = 6565, Unknown = 6666;

    [Fact]
    public async Task The_program_lets_the_groups_owner_subscribe_it_and_answers_only_the_channels_members()
    {
        using var folder = new TempFolder();
        await using var telegram = await FakeTelegramServer.StartAsync(FakeTelegramOptions.Unlimited());
        const string Channel = "@digest_channel";
        telegram.SetChatMember(Group, Owner, "creator");
        telegram.SetChatMember(Channel, Muted, "restricted");
        telegram.SetChatMember(Channel, Leaver, "left");
        telegram.SetChatMember(Channel, MutedAndGone, "restricted_left");
        telegram.SetChatMember(Channel, Banned, "kicked");
        telegram.SetChatMember(Channel, Unknown, null);
        var args = TelegramRunArguments.For(
            folder.File("data/digestbot.db"), folder.File("inbox"), telegram, Channel, "--Telegram:Readers=ChannelMembers", "--Sources:ArxivApiUrl=http://127.0.0.1:9/api/query");
        await using var bot = BotProcess.Start(folder.Path, args);

        telegram.EnqueueMessage(Group, "/subscribe", Member);
        telegram.EnqueueMessage(Group, "/subscribe", Owner);
        foreach (var user in new[] { Muted, Leaver, MutedAndGone, Banned, Unknown })
        {
            telegram.EnqueueMessage(user, "/tags", user);
        }

        await Eventually.TrueAsync(() => telegram.SentMessages.Count >= 7, "seven answers", TimeSpan.FromSeconds(60));

        string Heading(long chat, int index) =>
            telegram.SentMessages.Where(m => m.ChatId == chat.ToString(CultureInfo.InvariantCulture)).ElementAt(index).Text!.Split("</b>")[0][3..];
        const string MembersOnly = "I answer the members of the channel only; join the channel, then ask again.";
        Assert.Equal(
            ["Only this group's administrators can use /subscribe here.", "Subscribed: this chat will receive every new post.", "No tags yet: nothing has been posted.", MembersOnly, MembersOnly, MembersOnly, MembersOnly],
            [Heading(Group, 0), Heading(Group, 1), Heading(Muted, 0), Heading(Leaver, 0), Heading(MutedAndGone, 0), Heading(Banned, 0), Heading(Unknown, 0)]);
    }
}
