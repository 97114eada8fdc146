namespace DigestBot.Notes;

/// <summary>
/// Spots a paragraph pasted twice in a row (<c>…development.We present…development.</c>),
/// the commonest copy-paste slip in real digests.
/// </summary>
internal static class RepeatedParagraph
{
    // Short texts repeat legitimately ("Go Go"); a pasted abstract is never this short.
    private const int MinimumParagraphLength = 16;

    public static bool TryCollapse(string text, out string once)
    {
        once = text;
        var trimmed = text.Trim();
        var length = trimmed.Length;
        for (var half = length / 2; half >= MinimumParagraphLength; half--)
        {
            var middle = trimmed.AsSpan(half, length - 2 * half);
            if (!middle.IsWhiteSpace())
            {
                return false;
            }

            if (trimmed.AsSpan(0, half).SequenceEqual(trimmed.AsSpan(length - half)))
            {
                once = trimmed[..half];
                return true;
            }
        }

        return false;
    }
}
