namespace DigestBot.Sources;

/// <summary>arXiv answered, and the answer was that there is no such paper (or the id is malformed).</summary>
internal sealed class ArxivNotFoundException(string query, string arxivSaid)
    : Exception($"arXiv has no paper for '{query}': {arxivSaid}. Check the id (like 2408.00714 or hep-th/9901001) or the title.")
{
    public string Query { get; } = query;

    public string ArxivSaid { get; } = arxivSaid;
}
