namespace DigestBot.Inbox;

/// <summary>What an inbox entry is, as <c>lstat</c> sees it: only a regular file is ever opened.</summary>
internal enum FileKind
{
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    Socket,
    Device,
    /// <summary>Gone since the folder was listed.</summary>
    Missing,
    /// <summary><c>lstat</c> failed otherwise: never opened either.</summary>
    Unknown,
}
