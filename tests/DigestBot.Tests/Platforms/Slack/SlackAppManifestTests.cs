using DigestBot.Chat;
using DigestBot.Platforms.Slack.Wire;
using YamlDotNet.RepresentationModel;

namespace DigestBot.Tests.Platforms.Slack;

/// <summary>The manifest a user pastes asks for what the code uses, no more and no less.</summary>
public sealed class SlackAppManifestTests
{
    private static readonly YamlMappingNode Manifest = Load();

    [Fact]
    public void Every_slash_command_in_the_manifest_reaches_a_command_DigestBot_answers()
    {
        var commands = Sequence("features", "slash_commands").Select(c => Scalar((YamlMappingNode)c, "command")!).ToList();
        var reached = commands.Select(c => ChatCommand.Parse(new SlashCommand { Command = c, Text = c == "/digest" ? "tag llm" : "" }.AsChatText())!.Name);

        Assert.Equal(["/tag", "/tags", "/search", "/queue", "/help", "/subscribe", "/unsubscribe", "/digest"], commands);
        Assert.Equal(["tag", "tags", "search", "queue", "help", "subscribe", "unsubscribe", "tag"], reached);
    }

    [Fact]
    public void The_manifest_lists_the_command_catalog_menu_with_its_descriptions()
    {
        var commands = Sequence("features", "slash_commands").Cast<YamlMappingNode>().Where(c => Scalar(c, "command") != "/digest").ToList();

        Assert.Equal(
            ChatCommandCatalog.Menu.Select(c => "/" + c.Name).Order(StringComparer.Ordinal),
            commands.Select(c => Scalar(c, "command")!).Order(StringComparer.Ordinal));
        foreach (var command in commands)
        {
            var entry = ChatCommandCatalog.Find(Scalar(command, "command")![1..])!;
            Assert.Equal(entry.Summary, Scalar(command, "description"));
            Assert.Equal(entry.Arguments.Length > 0, command.Children.ContainsKey("usage_hint"));
        }
    }

    [Fact]
    public void The_digest_command_names_every_menu_command()
    {
        var digest = Sequence("features", "slash_commands").Cast<YamlMappingNode>().Single(c => Scalar(c, "command") == "/digest");

        Assert.All(ChatCommandCatalog.Menu, c => Assert.Contains(c.Name, Scalar(digest, "description")!, StringComparison.Ordinal));
    }

    [Fact]
    public void Scopes_events_and_Socket_Mode_match_what_the_code_uses()
    {
        Assert.Equal(["chat:write", "commands", "app_mentions:read", "im:history", "channels:read", "groups:read"], Sequence("oauth_config", "scopes", "bot").Select(s => ((YamlScalarNode)s).Value));
        Assert.Equal(["app_mention", "message.im", "app_home_opened"], Sequence("settings", "event_subscriptions", "bot_events").Select(s => ((YamlScalarNode)s).Value));
        Assert.Equal("true", Scalar((YamlMappingNode)Manifest["settings"], "socket_mode_enabled"));
        Assert.Equal("true", Scalar((YamlMappingNode)((YamlMappingNode)Manifest["features"])["app_home"], "messages_tab_enabled"));
        Assert.Equal("true", Scalar((YamlMappingNode)((YamlMappingNode)Manifest["features"])["app_home"], "home_tab_enabled"));
    }

    [Fact]
    public void Interactivity_is_enabled_and_its_request_URL_is_the_endpoint_DigestBot_maps()
    {
        var interactivity = (YamlMappingNode)((YamlMappingNode)Manifest["settings"])["interactivity"];
        var text = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "deploy", "slack-app-manifest.yaml"));

        Assert.Equal("true", Scalar(interactivity, "is_enabled"));
        Assert.Contains("# request_url: https://digestbot.example.org" + DigestBot.Platforms.Slack.SlackInteractivityEndpoint.Path + "\n", text, StringComparison.Ordinal);
    }

    private static YamlMappingNode Load()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(TestPaths.RepoRoot, "deploy", "slack-app-manifest.yaml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static IEnumerable<YamlNode> Sequence(params string[] path)
    {
        YamlNode node = Manifest;
        foreach (var key in path)
        {
            node = ((YamlMappingNode)node)[key];
        }

        return (YamlSequenceNode)node;
    }

    private static string? Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value;
}
