namespace DigestBot.Web;

/// <summary>A page that only says something: not found, a bad request, or an error; with links onward.</summary>
public sealed record MessagePage(PageFrame Frame, string Heading, string Message)
{
    public string? LinksHeading { get; init; }

    public IReadOnlyList<LinkView> Links { get; init; } = [];
}
