using DigestBot.Formatting;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DigestBot.Web;

/// <summary>
/// Commentary Markdown as HTML for the archive, through Markdig's own <see cref="HtmlRenderer"/>: raw HTML is read as
/// text (<c>DisableHtml</c>), only http(s) links stay links, and images are links to the image rather than loaded.
/// </summary>
internal static class ArchiveMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAutoLinks()
        .UsePipeTables()
        .DisableHtml()
        .Build();

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        KeepWebLinksOnly(document);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        // Curators end a thought with a line break, and the channel shows it: so does the archive.
        renderer.ObjectRenderers.FindExact<LineBreakInlineRenderer>()!.RenderAsHardlineBreak = true;
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>The words alone, for a page's description.</summary>
    public static string ToPlainText(string markdown) => Markdown.ToPlainText(markdown, Pipeline);

    /// <summary>A link elsewhere than http(s) (<c>javascript:</c>, <c>data:</c>, relative, mail) becomes its own words.</summary>
    private static void KeepWebLinksOnly(MarkdownDocument document)
    {
        // Both found before anything moves: unwrapping a link changes the tree the search walks.
        var links = document.Descendants<LinkInline>().ToList();
        var autolinks = document.Descendants<AutolinkInline>().ToList();
        foreach (var link in links)
        {
            var url = link.GetDynamicUrl?.Invoke() ?? link.Url;
            if (WebLink.IsWeb(url))
            {
                link.IsImage = false;
                link.GetAttributes().AddPropertyIfNotExist("rel", "nofollow noopener noreferrer");
                if (link.FirstChild is null)
                {
                    link.AppendChild(new LiteralInline(url!));
                }

                continue;
            }

            if (link.FirstChild is null)
            {
                link.ReplaceBy(new LiteralInline(url ?? ""));
                continue;
            }

            for (var child = link.FirstChild; child is not null;)
            {
                var next = child.NextSibling;
                child.Remove();
                link.InsertBefore(child);
                child = next;
            }

            link.Remove();
        }

        foreach (var autolink in autolinks)
        {
            if (autolink.IsEmail || !WebLink.IsWeb(autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
            else
            {
                autolink.GetAttributes().AddPropertyIfNotExist("rel", "nofollow noopener noreferrer");
            }
        }
    }
}
