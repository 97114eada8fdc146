namespace DigestBot.Notes;

internal sealed class NotesOptions
{
    public const string Section = "Notes";

    /// <summary>The most messages one note may take on any platform; a longer note is refused before it is stored.</summary>
    public int MaxMessages { get; set; } = 10;
}
