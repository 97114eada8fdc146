namespace DigestBot.Tests;

/// <summary>Tests that measure real time or start processes run alone, so other tests do not skew them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "Timing";
}
