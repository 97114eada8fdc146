namespace DigestBot.Tests.Storage;

/// <summary>The modes of files and folders only their owner may use.</summary>
internal static class OwnerOnlyModes
{
    public const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode Folder = File | UnixFileMode.UserExecute;
}
