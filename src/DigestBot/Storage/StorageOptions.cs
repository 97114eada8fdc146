namespace DigestBot.Storage;

internal sealed class StorageOptions
{
    public const string Section = "Storage";

    public string Path { get; set; } = "data/digestbot.db";
}
