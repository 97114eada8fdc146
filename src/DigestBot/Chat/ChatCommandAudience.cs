namespace DigestBot.Chat;

/// <summary>Who may use a command.</summary>
internal enum ChatCommandAudience
{
    Everyone,
    Curators,
}
