namespace DigestBot.Publishing;

/// <summary>The note could not be made into a platform's messages (one stored before intake checked it): it fails, the lane goes on.</summary>
internal sealed class NoteNotRenderableException(string platform, Exception inner)
    : PlatformException(
        PlatformErrorKind.ThisMessage,
        inner.Message,
        $"The note cannot be rendered for {platform}: {inner.Message} Shorten or simplify it, import it again, then retry it.",
        inner);
