using Dmarc.Reports.Alignment;

namespace Dmarc.Reports.Diagnosis;

/// <summary>Messages per <see cref="MechanismDiagnosis"/> of one mechanism (SPF or DKIM), count-weighted.</summary>
public sealed class MechanismTally
{
    private readonly long[] _messages = new long[4];

    public long this[MechanismDiagnosis diagnosis] => _messages[(int)diagnosis];

    /// <summary>The diagnosis with the most messages; on a tie the better one (pass before misaligned before auth_fail before none).</summary>
    public MechanismDiagnosis Dominant
    {
        get
        {
            var best = MechanismDiagnosis.None;
            for (var i = (int)MechanismDiagnosis.None; i >= 0; i--)
            {
                if (_messages[i] >= _messages[(int)best])
                {
                    best = (MechanismDiagnosis)i;
                }
            }

            return best;
        }
    }

    public void Add(MechanismDiagnosis diagnosis, long messages) => _messages[(int)diagnosis] += messages;
}
