using System.Collections.Concurrent;
using Microsoft.Net.Http.Headers;

namespace DigestBot.Web;

/// <summary>
/// The last rendering of each feed with the validator it was rendered for: a feed of 50 whole notes takes milliseconds
/// to render and is polled by every reader, conditionally or not, while it changes only with a post.
/// </summary>
internal sealed class FeedCache
{
    /// <summary>A tag's feed is about 200 KB; past this many feeds the cache starts again rather than grow.</summary>
    private const int MostFeeds = 64;

    private readonly ConcurrentDictionary<string, (EntityTagHeaderValue ETag, byte[] Body)> feeds = new(StringComparer.Ordinal);

    public async Task<byte[]> GetAsync(string address, EntityTagHeaderValue etag, Func<Task<byte[]>> render)
    {
        if (feeds.TryGetValue(address, out var kept) && kept.ETag.Equals(etag))
        {
            return kept.Body;
        }

        var body = await render();
        if (feeds.Count >= MostFeeds)
        {
            feeds.Clear();
        }

        feeds[address] = (etag, body);
        return body;
    }
}
