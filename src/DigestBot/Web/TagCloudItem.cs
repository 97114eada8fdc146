namespace DigestBot.Web;

/// <summary>A tag on the tags page; <see cref="Size"/> (1–5) grows with the count, on a log scale.</summary>
public sealed record TagCloudItem(string Name, string Href, int Count, int Size);
