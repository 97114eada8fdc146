namespace DigestBot.Sources;

/// <summary>What arXiv says about one paper, whitespace already collapsed.</summary>
/// <param name="ArxivId">Bare id without version, e.g. <c>2408.00714</c> or <c>hep-th/9901001</c>.</param>
/// <param name="Categories">Primary category first, then the others in feed order.</param>
internal sealed record PaperMetadata(
    string ArxivId,
    string Title,
    IReadOnlyList<string> Authors,
    string Abstract,
    Uri AbsUrl,
    DateTimeOffset? Published,
    IReadOnlyList<string> Categories);
