using System.Security.Cryptography;

namespace DigestBot.Web;

/// <summary>The archive's one stylesheet, <c>Web/site.css</c>, built into the program; its version is its content's hash.</summary>
internal static class StyleSheetFile
{
    public const string Name = "site.css";

    public static byte[] Bytes { get; } = Load();

    /// <summary>Part of the stylesheet's address, so a browser may keep it for a year and still sees a new one at once.</summary>
    public static string Version { get; } = Convert.ToHexStringLower(SHA256.HashData(Bytes))[..12];

    private static byte[] Load()
    {
        using var stream = typeof(StyleSheetFile).Assembly.GetManifestResourceStream("DigestBot.Web.site.css")
            ?? throw new InvalidOperationException("The archive's stylesheet is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
