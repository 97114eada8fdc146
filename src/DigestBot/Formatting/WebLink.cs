namespace DigestBot.Formatting;

/// <summary>Only http(s) links become links; anything else (javascript:, tg://, relative) stays text.</summary>
internal static class WebLink
{
    public static bool IsWeb(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary><c>https://ai.meta.com/blog/x</c> → <c>ai.meta.com/blog/x</c>, as the design shows paper links.</summary>
    public static string Display(string url)
    {
        foreach (var scheme in (ReadOnlySpan<string>)["https://", "http://"])
        {
            if (url.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && url.Length > scheme.Length)
            {
                return url[scheme.Length..];
            }
        }

        return url;
    }
}
