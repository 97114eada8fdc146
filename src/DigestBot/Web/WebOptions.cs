namespace DigestBot.Web;

/// <summary>The archive on the web: the bot's own web server (<c>Urls</c>) serves it; <c>site</c> writes it as files.</summary>
internal sealed class WebOptions
{
    public const string Section = "Web";

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Where readers reach the archive, e.g. <c>https://papers.example.org/</c>: absolute links in feeds and OpenGraph tags.
    /// Without it the server takes them from each request, and <c>site</c> writes no feeds.
    /// </summary>
    public string? BaseUrl { get; set; }

    public string Title { get; set; } = "DigestBot";

    public string Description { get; set; } = "ML paper notes, as posted to the channel.";

    /// <summary><see cref="BaseUrl"/> as a URI ending in <c>/</c>, once validated.</summary>
    public Uri? BaseUri =>
        string.IsNullOrWhiteSpace(BaseUrl) ? null : new Uri(BaseUrl.Trim().EndsWith('/') ? BaseUrl.Trim() : BaseUrl.Trim() + "/", UriKind.Absolute);
}
