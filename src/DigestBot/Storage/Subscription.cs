namespace DigestBot.Storage;

/// <summary>A chat that receives posts: every post when <see cref="Tags"/> is empty, else those carrying one of them.</summary>
internal sealed record Subscription(string Platform, string ChatId, IReadOnlyList<string> Tags)
{
    public bool Everything => Tags.Count == 0;
}
