using DigestBot.Publishing;
using NetArchTest.Rules;

namespace DigestBot.Tests.Architecture;

/// <summary>
/// The feature folders read as the data flow: each may use the folders listed for it (and the leaves everyone may use),
/// never one further along. A backward <c>using</c> fails here with the types that break the rule.
/// </summary>
public sealed class FeatureDependencyTests
{
    /// <summary>Used by every feature, using none: curator alerts and the background-work helpers.</summary>
    private static readonly string[] Leaves = ["Alerts", "Background"];

    /// <summary>What each feature folder may depend on, besides <see cref="Leaves"/> and itself.</summary>
    public static readonly TheoryData<string, string[]> Allowed = new()
    {
        { "Alerts", [] },
        { "Background", [] },
        { "Notes", [] },
        { "Formatting", ["Notes"] },
        { "Storage", ["Notes"] },
        { "Sources", ["Notes"] },
        { "Importing", ["Notes", "Formatting", "Storage", "Sources"] },
        { "Publishing", ["Notes", "Formatting", "Storage"] },
        { "Inbox", ["Notes", "Formatting", "Storage", "Sources", "Importing", "Publishing"] },
        { "Chat", ["Notes", "Formatting", "Storage", "Sources", "Importing", "Publishing", "Inbox"] },
        { "Platforms", ["Notes", "Formatting", "Storage", "Sources", "Importing", "Publishing", "Inbox", "Chat"] },
        { "Web", ["Notes", "Formatting", "Storage", "Sources", "Importing", "Publishing", "Inbox", "Chat"] },
        { "Hosting", ["Notes", "Formatting", "Storage", "Sources", "Importing", "Publishing", "Inbox", "Chat", "Platforms", "Web"] },
        { "Cli", ["Notes", "Formatting", "Storage", "Sources", "Importing", "Publishing", "Inbox", "Chat", "Platforms", "Web", "Hosting"] },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void A_feature_uses_only_the_features_before_it_in_the_flow(string feature, string[] mayUse)
    {
        var forbidden = Features()
            .Except(mayUse.Concat(Leaves).Append(feature))
            .Select(f => $"DigestBot.{f}")
            .ToArray();

        var result = Types.InAssembly(typeof(IDestination).Assembly)
            .That().ResideInNamespaceMatching($@"^DigestBot\.{feature}(\.|$)")
            .ShouldNot().HaveDependencyOnAny(forbidden)
            .GetResult();

        Assert.NotEmpty(result.SelectedTypesForTesting ?? []);
        Assert.True(
            result.IsSuccessful,
            $"{feature} may use only {string.Join(", ", mayUse.Concat(Leaves))}; these types reach further: "
            + string.Join("; ", (result.FailingTypes ?? []).Select(t => $"{t.FullName} ({t.Explanation})")));
    }

    [Fact]
    public void Every_feature_folder_has_a_rule()
    {
        var ruled = Allowed.Select(row => (string)row[0]).Order().ToList();

        Assert.Equal(Features().Order().ToList(), ruled);
    }

    private static IEnumerable<string> Features() =>
        Directory.GetDirectories(Path.Combine(TestPaths.RepoRoot, "src", "DigestBot"))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name is not ("bin" or "obj" or "Properties"));
}
