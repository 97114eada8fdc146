namespace DigestBot.Platforms.Slack;

/// <summary>One of the newest posts as the App Home lists it: the title links to our post, then the paper.</summary>
internal sealed record SlackHomePost(string Title, string? PostLink, string? PaperLink);
