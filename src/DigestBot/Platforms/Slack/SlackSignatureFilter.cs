using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// Runs before the Slack endpoints: reads the raw body, checks its signature, and answers 401 unless it is
/// Slack's. Handlers get the verified bytes from <see cref="Body"/> and parse only those.
/// </summary>
internal sealed class SlackSignatureFilter(SlackRequestVerifier verifier, ILogger<SlackSignatureFilter> log) : IEndpointFilter
{
    /// <summary>Slack's payloads are small; anything larger is not from Slack.</summary>
    public const int MaxBodyBytes = 1 << 20;

    private static readonly object BodyKey = new();

    public static byte[] Body(HttpContext context) =>
        context.Items[BodyKey] as byte[] ?? throw new InvalidOperationException("The Slack signature filter did not run.");

    /// <summary>The verified body of a form-encoded request (slash commands, button presses), field by field.</summary>
    public static Dictionary<string, string> Form(HttpContext context) =>
        QueryHelpers.ParseQuery(Encoding.UTF8.GetString(Body(context))).ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var body = await ReadAsync(http);
        var result = body is null
            ? SlackVerification.Unsigned
            : verifier.Verify(http.Request.Headers[SlackRequestVerifier.TimestampHeader], http.Request.Headers[SlackRequestVerifier.SignatureHeader], body);
        if (result != SlackVerification.Valid)
        {
            Log.RequestRejected(log, http.Request.Path, result);
            return Results.Text(result == SlackVerification.NoSecret ? "Slack:SigningSecret is not configured." : "Invalid Slack signature.", statusCode: StatusCodes.Status401Unauthorized);
        }

        http.Items[BodyKey] = body;
        return await next(context);
    }

    private static async Task<byte[]?> ReadAsync(HttpContext http)
    {
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        http.Request.EnableBuffering(MaxBodyBytes, MaxBodyBytes);
        using var copy = new MemoryStream();
        try
        {
            await http.Request.Body.CopyToAsync(copy, http.RequestAborted);
        }
        catch (IOException)
        {
            return null;
        }

        http.Request.Body.Position = 0;
        return copy.ToArray();
    }
}
