using System.Text.RegularExpressions;
using DigestBot.Chat;
using DigestBot.Platforms.Telegram;

namespace DigestBot.Tests.Chat;

public sealed partial class ChatCommandCatalogTests
{
    [Fact]
    public void Every_command_fits_Telegrams_rules_for_the_menu()
    {
        Assert.All(ChatCommandCatalog.All, c =>
        {
            Assert.Matches(TelegramCommandName(), c.Name);
            Assert.InRange(c.Summary.Length, 1, 256);
        });
        Assert.Equal(ChatCommandCatalog.All.Count, ChatCommandCatalog.All.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Telegrams_menu_is_the_catalogs_menu()
    {
        Assert.Equal(
            ChatCommandCatalog.Menu.Select(c => (c.Name, c.Summary)),
            TelegramChatSetup.Menu.Select(c => (c.Command, c.Description)));
    }

    [Fact]
    public void Help_lists_what_everyone_may_use_and_shows_curators_their_commands_too()
    {
        var everyone = ChatCommandHandlerHelp(curator: false);
        var curator = ChatCommandHandlerHelp(curator: true);

        Assert.All(ChatCommandCatalog.All.Where(c => c.Name != "start"), c =>
        {
            Assert.Contains(curator, line => line.StartsWith(c.Usage + " — ", StringComparison.Ordinal));
            Assert.Equal(c.Audience == ChatCommandAudience.Everyone, everyone.Any(line => line.StartsWith(c.Usage + " — ", StringComparison.Ordinal)));
        });
        Assert.Contains("/tag <name> — notes with that tag, newest first (e.g. /tag video-segmentation)", everyone);
        Assert.Contains("/retry <note id> or /retry all — post failed deliveries again at the next slot", curator);
    }

    private static IReadOnlyList<string> ChatCommandHandlerHelp(bool curator) => ChatCommandHandler.Help(curator).Lines;

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex TelegramCommandName();
}
