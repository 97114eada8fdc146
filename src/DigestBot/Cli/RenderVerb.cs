namespace DigestBot.Cli;

// Placeholder until the renderers branch lands.
internal static class RenderVerb
{
    public static Task<int> RunAsync(string fileOrId, string? platform, IServiceProvider services, TextWriter stdout, TextWriter stderr, CancellationToken ct) => Task.FromResult(1);
}
