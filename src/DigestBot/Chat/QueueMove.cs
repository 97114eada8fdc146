namespace DigestBot.Chat;

/// <summary>What a queue button asks for one note of a <c>/queue</c> listing.</summary>
internal enum QueueMove
{
    /// <summary>One place earlier (▲).</summary>
    Up,

    /// <summary>One place later (▼).</summary>
    Down,

    /// <summary>First in the queue, so the next slot posts it.</summary>
    Next,

    /// <summary>Out of the queue.</summary>
    Withdraw,
}
