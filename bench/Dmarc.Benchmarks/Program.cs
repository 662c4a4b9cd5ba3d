using BenchmarkDotNet.Running;
using Dmarc.Benchmarks;

return args switch
{
    ["harness", .. var rest] => ParseHarness.Run(rest),
    ["triage", .. var rest] => TriageHarness.Run(rest),
    ["analysis", .. var rest] => await AnalysisHarness.RunAsync(rest),
    ["bdn", .. var rest] => BdnRun(rest),
    _ => Help(),
};

static int BdnRun(string[] rest)
{
    BenchmarkSwitcher.FromAssembly(typeof(ParseHarness).Assembly).Run(rest);
    return 0;
}

static int Help()
{
    Console.Error.WriteLine("usage: Dmarc.Benchmarks harness [--records N] [--iterations N] | triage [--mails N] [--junk-percent P] [--iterations N] | analysis [--records N] [--iterations N] | bdn [BenchmarkDotNet args, e.g. --filter '*']");
    return 2;
}
