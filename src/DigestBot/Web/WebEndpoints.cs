using Microsoft.Extensions.Options;

namespace DigestBot.Web;

internal static class WebEndpoints
{
    // Feed readers and link checkers ask HEAD for the validators; the server answers it as GET without the body.
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>The archive's pages and feeds, unless <c>Web:Enabled</c> is false.</summary>
    public static WebApplication MapWebArchive(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<WebOptions>>().Value.Enabled)
        {
            return app;
        }

        var archive = app.MapGroup("").AddEndpointFilter(ShowErrorsAsPages);
        archive.MapMethods("/", GetAndHead, (HttpRequest request, string? page, ArchiveSite site, CancellationToken ct) => site.FrontAsync(request, page, ct));
        archive.MapMethods("/notes/{id}", GetAndHead, (HttpRequest request, string id, ArchiveSite site, CancellationToken ct) => site.NoteAsync(request, id, ct));
        archive.MapMethods("/tags", GetAndHead, (HttpRequest request, ArchiveSite site, CancellationToken ct) => site.TagsAsync(request, ct));
        archive.MapMethods("/tags/{tag}", GetAndHead, (HttpRequest request, string tag, string? page, ArchiveSite site, CancellationToken ct) => site.TagAsync(request, tag, page, ct));
        archive.MapMethods("/search", GetAndHead, (HttpRequest request, string? q, string? page, ArchiveSite site, CancellationToken ct) => site.SearchAsync(request, q, page, ct));
        archive.MapMethods("/feed.atom", GetAndHead, (HttpRequest request, ArchiveSite site, CancellationToken ct) => site.FeedAsync(request, ct));
        archive.MapMethods("/" + StyleSheetFile.Name, GetAndHead, (string? v) => ArchiveSite.StyleSheet(v));
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
