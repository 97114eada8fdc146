namespace DigestBot.Sources;

/// <summary>Where paper metadata comes from; bound from configuration section <c>Sources</c>.</summary>
internal sealed class SourcesOptions
{
    public const string Section = "Sources";

    public Uri ArxivApiUrl { get; set; } = new("https://export.arxiv.org/api/query");

    /// <summary>arXiv asks for no more than one request every three seconds.</summary>
    public TimeSpan ArxivMinInterval { get; set; } = TimeSpan.FromSeconds(3);

    public TimeSpan ArxivTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How often metadata that could not be fetched, and links for notes without one, are looked up again.</summary>
    public TimeSpan BackfillInterval { get; set; } = TimeSpan.FromMinutes(1);
}
