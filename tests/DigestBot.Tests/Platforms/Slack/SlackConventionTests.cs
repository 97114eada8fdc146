using System.Reflection;
using System.Text.Json.Serialization;
using DigestBot.Platforms.Slack;
using DigestBot.Platforms.Slack.WebApi;

namespace DigestBot.Tests.Platforms.Slack;

/// <summary>Rules that keep the Slack client honest as it grows, checked by reflection like SlackNet's ApiLintTests.</summary>
public sealed class SlackConventionTests
{
    private static readonly Assembly App = typeof(SlackApiClient).Assembly;

    private static IEnumerable<Type> WebApiTypes() =>
        App.GetTypes().Where(t => t.Namespace == typeof(ChatApi).Namespace && !t.IsNested && !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)));

    [Fact]
    public void Every_public_async_method_of_the_Web_API_takes_a_CancellationToken_last()
    {
        var apis = WebApiTypes().Where(t => t.Name.EndsWith("Api", StringComparison.Ordinal)).Append(typeof(SlackApiClient)).ToList();
        var methods = apis
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => typeof(Task).IsAssignableFrom(m.ReturnType))
            .ToList();

        var offenders = methods
            .Where(m => m.GetParameters() is var p && (p.Length == 0 || p[^1].ParameterType != typeof(CancellationToken)))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}");

        Assert.Equal(["AppsApi", "AuthApi", "ChatApi", "ConversationsApi", "SlackApiClient", "ViewsApi"], apis.Select(t => t.Name).Order());
        Assert.True(methods.Count >= 7, $"only {methods.Count} methods found");
        Assert.Empty(offenders);
    }

    [Fact]
    public void Every_Web_API_model_is_source_generated()
    {
        var models = WebApiTypes().Where(t => t.Name.EndsWith("Request", StringComparison.Ordinal) || t.Name.EndsWith("Response", StringComparison.Ordinal)).ToList();
        var context = SlackWebApiJsonContext.Default;

        Assert.True(models.Count >= 7);
        Assert.All(models, m => Assert.NotNull(context.GetTypeInfo(m)));
    }

    [Fact]
    public void The_client_covers_exactly_these_Web_API_methods()
    {
        var source = string.Join("\n", Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "src", "DigestBot", "Platforms", "Slack", "WebApi"), "*Api.cs").Select(File.ReadAllText));
        var called = System.Text.RegularExpressions.Regex.Matches(source, "\"([a-z]+(?:\\.[a-zA-Z]+)+)\"").Select(m => m.Groups[1].Value).Order().ToList();

        Assert.Equal(["apps.connections.open", "auth.test", "chat.delete", "chat.getPermalink", "chat.postMessage", "chat.unfurl", "chat.update", "conversations.info", "views.publish"], called);
    }

    [Fact]
    public void Slack_types_are_internal_and_sealed()
    {
        var types = App.GetTypes()
            .Where(t => t.Namespace?.StartsWith(typeof(SlackApiClient).Namespace!, StringComparison.Ordinal) == true)
            .Where(t => !t.IsNested && t.IsClass && !t.IsAbstract && !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)))
            .Where(t => !typeof(JsonSerializerContext).IsAssignableFrom(t) || t == typeof(SlackWebApiJsonContext))
            .ToList();

        Assert.NotEmpty(types);
        Assert.All(types, t => Assert.False(t.IsPublic, t.Name + " is public"));
        Assert.All(types.Where(t => !t.IsDefined(typeof(System.Runtime.CompilerServices.ExtensionAttribute))), t => Assert.True(t.IsSealed, t.Name + " is not sealed"));
    }
}
