using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DigestBot.Storage;

/// <summary>
/// A short name for the queue's order (its note ids, in posting order), carried by every button of a <c>/queue</c>
/// listing: a press whose version is not the queue's now was made on a listing that is out of date.
/// </summary>
internal static class QueueListingVersion
{
    /// <summary>Hex characters: 32 bits, plenty to tell one order from the next, and short enough for Telegram's 64 bytes.</summary>
    public const int Length = 8;

    public static string Of(IEnumerable<long> queuedIds)
    {
        var order = string.Join(',', queuedIds.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(order));
        return Convert.ToHexStringLower(hash.AsSpan(0, Length / 2));
    }

    /// <summary>Whether <paramref name="text"/> has the shape of a version, before it is compared with one.</summary>
    public static bool IsWellFormed(string? text) =>
        text is { Length: Length } && text.All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c));
}
