using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace DigestBot.Web;

/// <summary>
/// An archive page, feed or stylesheet, already rendered: written with its validators (a strong <c>ETag</c> from the
/// bytes, <c>Last-Modified</c> from the newest note shown), answered 304 when the client's copy is current, and always
/// with the headers that keep a note's text from ever running as code.
/// </summary>
internal sealed class ArchiveResponse(int status, string contentType, byte[] body) : IResult
{
    /// <summary>No scripts at all, no plugins or frames; styles and images only from the archive itself.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public const string Html = "text/html; charset=utf-8";
    public const string Atom = "application/atom+xml; charset=utf-8";
    public const string Css = "text/css; charset=utf-8";

    public int Status => status;

    public byte[] Body => body;

    public DateTimeOffset? LastModified { get; init; }

    /// <summary>A validator computed without rendering (a feed's); by default the hash of <see cref="Body"/>.</summary>
    public EntityTagHeaderValue? ETag { get; init; }

    /// <summary>Pages and feeds change with every post, so clients ask each time and mostly get 304.</summary>
    public string CacheControl { get; init; } = "no-cache";

    public async Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.CacheControl = CacheControl;
        if (status == StatusCodes.Status200OK)
        {
            var etag = ETag ?? Tag(body);
            headers.ETag = etag.ToString();
            if (LastModified is { } modified)
            {
                headers.LastModified = HeaderUtilities.FormatDate(ConditionalGet.Seconds(modified));
            }

            if (ConditionalGet.NotModified(context.Request, etag, LastModified))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }

        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>A strong entity tag: the first 128 bits of the SHA-256 of <paramref name="content"/>.</summary>
    public static EntityTagHeaderValue Tag(ReadOnlySpan<byte> content) =>
        new("\"" + Convert.ToHexStringLower(SHA256.HashData(content), 0, 16) + "\"");
}
