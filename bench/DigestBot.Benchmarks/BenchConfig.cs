using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace DigestBot.Benchmarks;

/// <summary>Short jobs (3 warm-ups, 5 iterations) so the whole suite runs in minutes on a shared 2-core machine.</summary>
internal sealed class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        AddJob(Job.ShortRun.WithWarmupCount(3).WithIterationCount(5).WithLaunchCount(1));
        AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max);
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}

/// <summary>For benchmarks that need a fresh database per iteration: one invocation per iteration.</summary>
internal sealed class OneShotConfig : ManualConfig
{
    public OneShotConfig()
    {
        AddJob(Job.ShortRun.WithWarmupCount(1).WithIterationCount(5).WithLaunchCount(1).WithInvocationCount(1).WithUnrollFactor(1));
        AddColumn(StatisticColumn.Median, StatisticColumn.Max);
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
