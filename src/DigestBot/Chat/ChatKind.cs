namespace DigestBot.Chat;

/// <summary>Who can read an answer: only the sender, the members of a group, or a channel's readers.</summary>
internal enum ChatKind
{
    Private,
    Group,
    Channel,
}
