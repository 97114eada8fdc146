namespace DigestBot.Chat;

/// <summary>What a platform said about someone's role: yes, no, or it could not be asked just now.</summary>
internal enum ChatRoleVerdict
{
    Yes,
    No,

    /// <summary>The platform failed to answer; the caller refuses and asks to try again, never grants.</summary>
    Unknown,
}
