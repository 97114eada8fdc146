namespace DigestBot.Storage;

internal sealed record TagCount(string Tag, int Posted, int Queued)
{
    public int Total => Posted + Queued;
}
