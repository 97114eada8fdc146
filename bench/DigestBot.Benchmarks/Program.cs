using BenchmarkDotNet.Running;
using DigestBot.Benchmarks;

// Verbs for the measurements BenchmarkDotNet is not made for; anything else goes to BenchmarkDotNet
// (e.g. `--filter '*Render*'`). See bench/README.md for the command behind every figure.
return args.FirstOrDefault() switch
{
    "import" => await ImportRun.RunAsync(args[1..]),
    "import-profile" => await ImportProfile.RunAsync(args[1..]),
    "latency" => await LatencyRun.RunAsync(args[1..]),
    "roundtrip" => await RoundTripRun.RunAsync(args[1..]),
    "fanout" => await FanOutRun.RunAsync(args[1..]),
    "flood" => await FloodRun.RunAsync(args[1..]),
    "render-profile" => await RenderProfile.RunAsync(),
    "render-outputs" => await RenderOutputs.RunAsync(args[1..]),
    "roundtrip-profile" => await RoundTripProfile.RunAsync(args[1..]),
    "startup" => await StartupRun.RunAsync(args[1..]),
    "web" => await WebRun.RunAsync(args[1..]),
    "export-corpus" => await ConverterComparison.ExportAsync(args[1..]),
    "validate-converters" => await ConverterComparison.ValidateAsync(args[1..]),
    _ => Summaries(BenchmarkSwitcher.FromAssembly(typeof(CorpusGenerator).Assembly).Run(args)),
};

static int Summaries(IEnumerable<BenchmarkDotNet.Reports.Summary> summaries) =>
    summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
