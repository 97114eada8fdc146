namespace DigestBot.Chat;

/// <summary>
/// One command as users see it. <see cref="Summary"/> is the menu's line (Telegram's setMyCommands, the Slack
/// manifest's description); <see cref="Help"/> is what /help says after the usage. Both, and the usage's arguments, are
/// in the turn's language (<see cref="ChatText"/>).
/// </summary>
/// <param name="Name">Without the slash; 1–32 of <c>[a-z0-9_]</c>, as Telegram requires.</param>
/// <param name="InMenu">Listed in Telegram's command menu and the Slack manifest; <c>/start</c> and the curators' repairs are not.</param>
internal sealed record ChatCommandInfo(string Name, ChatCommandAudience Audience, bool InMenu)
{
    /// <summary>The usage after the name, e.g. <c>&lt;name&gt;</c>; empty when it takes none.</summary>
    public string Arguments => ChatText.Get(ChatTextKey.CommandArguments(Name));

    public string Summary => SummaryIn(ChatText.Language);

    public string Help => ChatText.Get(ChatTextKey.CommandHelp(Name));

    /// <summary><c>/tag &lt;name&gt;</c>: the name with its arguments, as /help shows it.</summary>
    public string Usage => Arguments.Length == 0 ? "/" + Name : $"/{Name} {Arguments}";

    public string SummaryIn(ChatLanguage language) => ChatText.Get(language, ChatTextKey.CommandSummary(Name));
}
