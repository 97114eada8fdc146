namespace DigestBot.Chat;

/// <summary>A parsed <c>/name[@bot] arguments</c> message.</summary>
internal sealed record ChatCommand(string Name, string Arguments, string? AddressedTo)
{
    /// <summary>Reads <c>/tag x</c> and <c>/tag@OurBot x</c>; null when the text is not a command.</summary>
    public static ChatCommand? Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length < 2 || trimmed[0] != '/' || !char.IsAsciiLetter(trimmed[1]))
        {
            return null;
        }

        var end = trimmed.IndexOfAny([' ', '\t', '\n']);
        var head = end < 0 ? trimmed[1..] : trimmed[1..end];
        var arguments = end < 0 ? "" : trimmed[(end + 1)..].Trim();
        var at = head.IndexOf('@');
        var name = (at < 0 ? head : head[..at]).ToLowerInvariant();
        var addressedTo = at < 0 ? null : head[(at + 1)..];
        return new ChatCommand(name, arguments, addressedTo);
    }

    public bool IsFor(string? botUsername) =>
        AddressedTo is null || botUsername is null || string.Equals(AddressedTo, botUsername, StringComparison.OrdinalIgnoreCase);
}
