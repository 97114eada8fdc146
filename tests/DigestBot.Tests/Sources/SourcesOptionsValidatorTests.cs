using DigestBot.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DigestBot.Tests.Sources;

/// <summary>A bad <c>Sources:</c> setting stops the start with one sentence naming the key and the value.</summary>
public sealed class SourcesOptionsValidatorTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData("Sources:ArxivApiUrl", "export.arxiv.org/api", "Sources:ArxivApiUrl 'export.arxiv.org/api' must be an absolute URL such as https://export.arxiv.org/api/query.")]
    [InlineData("Sources:ArxivMinInterval", "-00:00:01", "Sources:ArxivMinInterval '-00:00:01' must not be negative (arXiv asks for 00:00:03).")]
    [InlineData("Sources:ArxivTimeout", "00:00:00", "Sources:ArxivTimeout '00:00:00' must be positive, e.g. 00:00:20.")]
    [InlineData("Sources:BackfillInterval", "-00:01:00", "Sources:BackfillInterval '-00:01:00' must be positive, e.g. 00:01:00.")]
    public void A_bad_source_setting_names_its_key_and_value(string key, string value, string message)
    {
        using var services = TestServices.Create(folder, new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SourcesOptions>>().Value);

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void The_defaults_are_valid()
    {
        using var services = TestServices.Create(folder);

        Assert.Equal(TimeSpan.FromSeconds(3), services.GetRequiredService<IOptions<SourcesOptions>>().Value.ArxivMinInterval);
    }
}
