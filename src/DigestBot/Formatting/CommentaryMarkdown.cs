using Markdig;

namespace DigestBot.Formatting;

/// <summary>How commentary is read: CommonMark, bare http(s) links, and pipe tables (which every renderer degrades).</summary>
internal static class CommentaryMarkdown
{
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UseAutoLinks()
        .UsePipeTables()
        .Build();
}
