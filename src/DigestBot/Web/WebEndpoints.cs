using Microsoft.Extensions.Options;

namespace DigestBot.Web;

internal static class WebEndpoints
{
    /// <summary>The archive's pages and feeds, unless <c>Web:Enabled</c> is false.</summary>
    public static WebApplication MapWebArchive(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<WebOptions>>().Value.Enabled)
        {
            return app;
        }

        var archive = app.MapGroup("").AddEndpointFilter(ShowErrorsAsPages);
        archive.MapGet("/", (HttpRequest request, string? page, ArchiveSite site, CancellationToken ct) => site.FrontAsync(request, page, ct));
        archive.MapGet("/notes/{id}", (HttpRequest request, string id, ArchiveSite site, CancellationToken ct) => site.NoteAsync(request, id, ct));
        archive.MapGet("/tags", (HttpRequest request, ArchiveSite site, CancellationToken ct) => site.TagsAsync(request, ct));
        archive.MapGet("/tags/{tag}", (HttpRequest request, string tag, string? page, ArchiveSite site, CancellationToken ct) => site.TagAsync(request, tag, page, ct));
        archive.MapGet("/search", (HttpRequest request, string? q, string? page, ArchiveSite site, CancellationToken ct) => site.SearchAsync(request, q, page, ct));
        archive.MapGet("/feed.atom", (HttpRequest request, ArchiveSite site, CancellationToken ct) => site.FeedAsync(request, ct));
        archive.MapGet("/" + StyleSheetFile.Name, (string? v) => ArchiveSite.StyleSheet(v));
        return app;
    }

    /// <summary>
    /// An unexpected error becomes the archive's own error page, never the framework's: in Development that would be a
    /// stack trace. Parameters are all read as strings, so binding itself cannot fail on what a reader types.
    /// </summary>
    private static async ValueTask<object?> ShowErrorsAsPages(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (!context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            var services = context.HttpContext.RequestServices;
            Log.PageFailed(services.GetRequiredService<ILogger<ArchiveSite>>(), context.HttpContext.Request.Path, ex);
            return await services.GetRequiredService<ArchiveSite>().ErrorAsync(context.HttpContext.Request, context.HttpContext.RequestAborted);
        }
    }
}
