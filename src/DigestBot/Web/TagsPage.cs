namespace DigestBot.Web;

/// <summary>Every tag with its count, biggest first.</summary>
public sealed record TagsPage(PageFrame Frame, string Heading, IReadOnlyList<TagCloudItem> Tags);
