using System.Runtime.InteropServices;

namespace DigestBot.Inbox;

/// <summary>
/// Tells a regular file from a FIFO, a socket or a device without opening it (opening a FIFO blocks until something
/// writes to it) and without following a symbolic link. .NET shows only directories and links, so on Linux the kind
/// comes from <c>statx</c>, whose layout is the same on every architecture; elsewhere a FIFO is not told apart.
/// </summary>
internal static partial class FileKinds
{
    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int StatxSize = 256;
    private const int ModeOffset = 28;
    private const int NotPermitted = 1;
    private const int NoSuchFile = 2;
    private const int NotADirectory = 20;
    private const int NotImplemented = 38;

    private const int TypeMask = 0xF000;
    private const int TypeFifo = 0x1000;
    private const int TypeDirectory = 0x4000;
    private const int TypeRegular = 0x8000;
    private const int TypeLink = 0xA000;
    private const int TypeSocket = 0xC000;

    private static bool statxMissing;

    public static FileKind Of(string path)
    {
        if (OperatingSystem.IsLinux() && !statxMissing)
        {
            try
            {
                if (OfLinux(path) is { } kind)
                {
                    return kind;
                }
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
            }

            statxMissing = true;
        }

        var info = new FileInfo(path);
        return !info.Exists && !Directory.Exists(path) && info.LinkTarget is null ? FileKind.Missing
            : info.LinkTarget is not null ? FileKind.SymbolicLink
            : info.Attributes.HasFlag(FileAttributes.Directory) ? FileKind.Directory
            : FileKind.Regular;
    }

    /// <returns>Null where this system has no <c>statx</c> (before Linux 4.11, or refused by a container's seccomp filter).</returns>
    private static unsafe FileKind? OfLinux(string path)
    {
        var status = stackalloc byte[StatxSize];
        if (Statx(AtCurrentDirectory, path, AtSymlinkNoFollow, StatxType, status) != 0)
        {
            return Marshal.GetLastPInvokeError() switch
            {
                NoSuchFile or NotADirectory => FileKind.Missing,
                NotPermitted or NotImplemented => null,
                _ => FileKind.Unknown,
            };
        }

        return (*(ushort*)(status + ModeOffset) & TypeMask) switch
        {
            TypeRegular => FileKind.Regular,
            TypeDirectory => FileKind.Directory,
            TypeLink => FileKind.SymbolicLink,
            TypeFifo => FileKind.Fifo,
            TypeSocket => FileKind.Socket,
            // Character and block devices.
            _ => FileKind.Device,
        };
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Statx(int directory, string path, int flags, uint mask, byte* status);
}
