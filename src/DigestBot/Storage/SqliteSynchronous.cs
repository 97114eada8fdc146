namespace DigestBot.Storage;

/// <summary>The values of <c>Storage:Synchronous</c>, as SQLite's <c>PRAGMA synchronous</c> names them.</summary>
internal static class SqliteSynchronous
{
    /// <summary>The pragma's value for a setting, or null when the setting is neither Normal nor Full.</summary>
    public static string? Parse(string? setting) => setting?.Trim().ToUpperInvariant() switch
    {
        "NORMAL" => "NORMAL",
        "FULL" => "FULL",
        _ => null,
    };
}
