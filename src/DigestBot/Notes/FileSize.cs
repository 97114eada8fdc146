using System.Globalization;

namespace DigestBot.Notes;

/// <summary>A file's length as people read it: bytes, KiB or MiB.</summary>
internal static class FileSize
{
    public static string Text(long bytes) => bytes switch
    {
        < 1024 => bytes == 1 ? "1 byte" : string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MiB"),
    };
}
