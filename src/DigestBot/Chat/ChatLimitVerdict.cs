namespace DigestBot.Chat;

/// <summary>What the limits say about one command: answer it, say "slow down" once, or say nothing.</summary>
internal enum ChatLimitVerdict
{
    Allowed,
    SlowDown,
    Silent,
}
