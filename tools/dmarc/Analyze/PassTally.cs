using Dmarc.Reports.Aggregate;

namespace Dmarc.Cli.Analyze;

/// <summary>Messages, how many passed DMARC (per the reporter's <c>policy_evaluated</c>) and what receivers did with them.</summary>
public sealed class PassTally
{
    private readonly long[] _dispositions = new long[4];

    public long Messages { get; private set; }
    public long DmarcPass { get; private set; }

    /// <summary>Count-weighted DMARC pass rate, 0..1 (0 without messages).</summary>
    public double PassRate => Messages == 0 ? 0 : (double)DmarcPass / Messages;

    public long DispositionCount(Disposition disposition) => _dispositions[(int)disposition];

    public void Add(AggregateRecord record)
    {
        Messages += record.Count;
        if (record.PolicyEvaluated.DmarcPass)
        {
            DmarcPass += record.Count;
        }

        _dispositions[(int)record.PolicyEvaluated.Disposition] += record.Count;
    }

    public void Add(PassTally other)
    {
        Messages += other.Messages;
        DmarcPass += other.DmarcPass;
        for (var i = 0; i < _dispositions.Length; i++)
        {
            _dispositions[i] += other._dispositions[i];
        }
    }
}
