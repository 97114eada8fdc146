namespace DigestBot.Web;

/// <summary>One note at its permanent address.</summary>
public sealed record NotePage(PageFrame Frame, NoteCard Note);
