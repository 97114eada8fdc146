namespace DigestBot.Chat;

/// <summary>The languages DigestBot answers people in; English is the default and the neutral resources.</summary>
internal enum ChatLanguage
{
    English,
    Korean,
}
