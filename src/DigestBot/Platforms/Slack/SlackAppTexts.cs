namespace DigestBot.Platforms.Slack;

/// <summary>
/// The sentences of Slack's own surfaces (buttons, the App Home, unfurls), in one place so they can move into the
/// translated resources together.
/// </summary>
internal static class SlackAppTexts
{
    public const string PreviousPage = "‹ Previous";

    public const string NextPage = "Next ›";

    public const string StaleButton = "This button no longer works; send the command again.";
}
