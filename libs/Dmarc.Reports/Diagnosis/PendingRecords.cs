using System.Text;
using Dmarc.Reports.Aggregate;

namespace Dmarc.Reports.Diagnosis;

/// <summary>
/// The records of the report being read, merged by shape (everything alignment and the tallies read: source, identifiers,
/// verdicts, overrides, raw results) until the report's outcome brings the published policy they are read against —
/// or says the report could not be read and they are dropped. Bounded: past the bound, new shapes lose their source IP
/// (their stream becomes <see cref="AnalysisOptions.Other"/>); past twice the bound, their messages are only counted.
/// </summary>
internal sealed class PendingRecords(int bound)
{
    private const char Separator = '\u001f';

    private readonly Dictionary<string, PendingShape> _shapes = new(StringComparer.Ordinal);
    private readonly StringBuilder _key = new();

    public long Records { get; private set; }

    /// <summary>Messages of shapes past twice the bound: counted, not analysed.</summary>
    public long Unanalysed { get; private set; }

    /// <summary>Each shape as one record with the summed count; <c>Overflow</c> when it lost its source IP to the bound.</summary>
    public IEnumerable<(AggregateRecord Record, bool Overflow)> Shapes =>
        _shapes.Values.Select(shape => (shape.Record with { Count = shape.Count }, shape.Overflow));

    public void Add(AggregateRecord record)
    {
        Records++;
        var rest = Rest(record);
        var key = string.Concat(record.SourceIp, rest);
        if (_shapes.TryGetValue(key, out var shape))
        {
            shape.Count += Math.Max(record.Count, 0);
            return;
        }

        var overflow = _shapes.Count >= bound;
        if (overflow)
        {
            key = string.Concat(AnalysisOptions.Other, rest);
            record = record with { SourceIp = AnalysisOptions.Other };
            if (_shapes.TryGetValue(key, out shape))
            {
                shape.Count += Math.Max(record.Count, 0);
                return;
            }

            if (_shapes.Count >= 2 * bound)
            {
                Unanalysed += Math.Max(record.Count, 0);
                return;
            }
        }

        _shapes[key] = new PendingShape(record, overflow) { Count = Math.Max(record.Count, 0) };
    }

    public void Clear()
    {
        _shapes.Clear();
        Records = 0;
        Unanalysed = 0;
    }

    private string Rest(AggregateRecord record)
    {
        var key = _key.Clear();
        var evaluated = record.PolicyEvaluated;
        key.Append(Separator).Append(record.HeaderFrom).Append(Separator).Append(record.EnvelopeFrom ?? "\0")
            .Append(Separator).Append((int)evaluated.Disposition).Append((int)evaluated.Dkim).Append((int)evaluated.Spf);
        foreach (var reason in evaluated.Reasons)
        {
            key.Append(Separator).Append('r').Append((int)reason.Type).Append(reason.Comment);
        }

        foreach (var dkim in record.Dkim)
        {
            key.Append(Separator).Append('d').Append((int)dkim.Result).Append(dkim.Domain);
        }

        foreach (var spf in record.Spf)
        {
            key.Append(Separator).Append('s').Append((int)spf.Result).Append((int)spf.Scope).Append(spf.Domain);
        }

        return key.ToString();
    }

    private sealed class PendingShape(AggregateRecord record, bool overflow)
    {
        public AggregateRecord Record { get; } = record;
        public bool Overflow { get; } = overflow;
        public long Count { get; set; }
    }
}
