namespace DigestBot.Web;

/// <summary>A <c>&lt;meta&gt;</c> tag: OpenGraph names go in <c>property</c>, Twitter's in <c>name</c>.</summary>
public sealed record MetaTag(string Key, string Content)
{
    public bool IsOpenGraph => Key.StartsWith("og:", StringComparison.Ordinal);
}
