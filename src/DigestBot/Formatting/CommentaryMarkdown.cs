using Markdig;
using Markdig.Syntax;

namespace DigestBot.Formatting;

/// <summary>
/// How commentary is read: CommonMark with the CJK-friendly emphasis rule, bare http(s) links, and pipe tables
/// (which every renderer degrades).
/// </summary>
internal static class CommentaryMarkdown
{
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UseAutoLinks()
        .UsePipeTables()
        .Use<CjkFriendlyEmphasisExtension>()
        .Build();

    /// <remarks>
    /// A pipe table needs a <c>|</c>, and without one the table extension changes nothing in the tree: its block
    /// parser opens only on a line with a pipe and its inline parser declines every line break. It still costs
    /// each document a pass over its line breaks and the precise source positions it asks Markdig for.
    /// </remarks>
    private static MarkdownPipeline WithoutTables { get; } = new MarkdownPipelineBuilder()
        .UseAutoLinks()
        .Use<CjkFriendlyEmphasisExtension>()
        .Build();

    public static MarkdownDocument Parse(string markdown) =>
        Markdown.Parse(markdown, markdown.Contains('|') ? Pipeline : WithoutTables);
}
