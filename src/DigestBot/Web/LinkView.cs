namespace DigestBot.Web;

/// <summary>A link as a page shows it: where it goes and its words.</summary>
public sealed record LinkView(string Href, string Text);
