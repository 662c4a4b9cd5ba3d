using System.Runtime.CompilerServices;
using Dmarc.Reports.Input;
namespace Dmarc.Reports.Aggregate;

/// <summary>The fields of the record being read; reused from record to record so that reading allocates little.</summary>
internal sealed class RecordFields
{
    private readonly List<PolicyOverrideReason> _reasons = [];
    private readonly List<DkimAuthResult> _dkim = [];
    private readonly List<SpfAuthResult> _spf = [];
    private readonly ValueMemo<Disposition?, ValueReadings.Disposition> _dispositions = new();

    // One memo per field: fields that shared one would overwrite each other's last value record after record.
    private readonly ValueMemo<DmarcVerdict, ValueReadings.Verdict> _dkimVerdicts = new();
    private readonly ValueMemo<DmarcVerdict, ValueReadings.Verdict> _spfVerdicts = new();
    private readonly ValueMemo<string?, ValueReadings.Domain> _headerFroms = new();
    private readonly ValueMemo<string?, ValueReadings.Domain> _envelopeFroms = new();
    private readonly ValueMemo<string?, ValueReadings.Domain> _envelopeTos = new();
    private readonly ValueMemo<string?, ValueReadings.Domain> _dkimDomains = new();
    private readonly ValueMemo<string?, ValueReadings.Domain> _spfDomains = new();
    private readonly ValueMemo<string?, ValueReadings.Text> _selectors = new();
    private readonly ValueMemo<DkimResult?, ValueReadings.DkimResult> _dkimResults = new();
    private readonly ValueMemo<SpfResult?, ValueReadings.SpfResult> _spfResults = new();
    private readonly ValueMemo<SpfScope, ValueReadings.Scope> _scopes = new();
    private string? _sourceIp;
    private string? _count;
    private string? _disposition;
    private string? _evaluatedDkim;
    private string? _evaluatedSpf;
    private string? _envelopeTo;
    private string? _envelopeFrom;
    private string? _headerFrom;

    public string? ReasonType { get; set; }
    public string? ReasonComment { get; set; }
    public string? AuthDomain { get; set; }
    public string? AuthSelectorOrScope { get; set; }
    public string? AuthResult { get; set; }
    public string? AuthHuman { get; set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Clear()
    {
        _sourceIp = _count = _disposition = _evaluatedDkim = _evaluatedSpf = _envelopeTo = _envelopeFrom = _headerFrom = null;
        _reasons.Clear();
        _dkim.Clear();
        _spf.Clear();
    }

    /// <summary>Stores a leaf value; false when <paramref name="node"/> is not a leaf of a record.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Set(ReportNode node, string text)
    {
        switch (node)
        {
            case ReportNode.SourceIp: _sourceIp ??= text; break;
            case ReportNode.Count: _count ??= text; break;
            case ReportNode.Disposition: _disposition ??= text; break;
            case ReportNode.EvaluatedDkim: _evaluatedDkim ??= text; break;
            case ReportNode.EvaluatedSpf: _evaluatedSpf ??= text; break;
            case ReportNode.EnvelopeTo: _envelopeTo ??= text; break;
            case ReportNode.EnvelopeFrom: _envelopeFrom ??= text; break;
            case ReportNode.HeaderFrom: _headerFrom ??= text; break;
            case ReportNode.ReasonType: ReasonType ??= text; break;
            case ReportNode.ReasonComment: ReasonComment ??= text; break;
            case ReportNode.DkimDomain or ReportNode.SpfDomain: AuthDomain ??= text; break;
            case ReportNode.DkimSelector or ReportNode.SpfScope: AuthSelectorOrScope ??= text; break;
            case ReportNode.DkimResult or ReportNode.SpfResult: AuthResult ??= text; break;
            case ReportNode.DkimHumanResult or ReportNode.SpfHumanResult: AuthHuman ??= text; break;
            default: return false;
        }

        return true;
    }

    public void AddReason()
    {
        var comment = ValueReadings.Optional(ReasonComment);
        if (ValueReadings.Optional(ReasonType) is { } type)
        {
            _reasons.Add(new PolicyOverrideReason(AggregateValues.Override(type), comment));
        }
        else if (comment is not null)
        {
            _reasons.Add(new PolicyOverrideReason(PolicyOverride.Other, comment));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddDkim(AggregateReportBuilder report)
    {
        var domain = _dkimDomains.Of(AuthDomain ?? "");
        if (domain is null)
        {
            return;
        }

        var result = _dkimResults.Of(AuthResult ?? "");
        if (result is null)
        {
            report.AddError(ReportErrorSource.Record, $"{AggregateReportBuilder.Describe(report.RecordCount + 1)}: DKIM result \"{Names.Printable(AuthResult ?? "")}\" is not known; read as none");
        }

        _dkim.Add(new DkimAuthResult(domain, _selectors.Of(AuthSelectorOrScope ?? ""), result ?? DkimResult.None, ValueReadings.Optional(AuthHuman)));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddSpf(AggregateReportBuilder report)
    {
        var result = _spfResults.Of(AuthResult ?? "");
        if (result is null)
        {
            report.AddError(ReportErrorSource.Record, $"{AggregateReportBuilder.Describe(report.RecordCount + 1)}: SPF result \"{Names.Printable(AuthResult ?? "")}\" is not known; read as none");
        }

        _spf.Add(new SpfAuthResult(_spfDomains.Of(AuthDomain ?? "") ?? "", _scopes.Of(AuthSelectorOrScope ?? ""), result ?? SpfResult.None, ValueReadings.Optional(AuthHuman)));
    }

    /// <summary>The record, or null (with an error of the report) when it cannot be counted.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public AggregateRecord? Build(long number, AggregateReportBuilder report)
    {
        if (!AggregateValues.TryNumber(_count, out var count) || count < 0)
        {
            var shown = _count is null ? "it has no count" : $"its count \"{Names.Printable(_count)}\" is not a number of messages";
            report.AddError(ReportErrorSource.Record, $"{AggregateReportBuilder.Describe(number)} skipped: {shown}");
            return null;
        }

        var disposition = _dispositions.Of(_disposition ?? "");
        if (disposition is null && !string.IsNullOrWhiteSpace(_disposition))
        {
            report.AddError(ReportErrorSource.Record, $"{AggregateReportBuilder.Describe(number)}: disposition \"{Names.Printable(_disposition)}\" is not known; read as none");
        }

        return new AggregateRecord
        {
            SourceIp = AggregateValues.SourceIp(_sourceIp ?? ""),
            Count = count,
            PolicyEvaluated = new PolicyEvaluated(
                disposition ?? Disposition.None,
                _dkimVerdicts.Of(_evaluatedDkim ?? ""),
                _spfVerdicts.Of(_evaluatedSpf ?? ""),
                _reasons.Count == 0 ? [] : [.. _reasons]),
            HeaderFrom = _headerFroms.Of(_headerFrom ?? "") ?? "",
            EnvelopeFrom = _envelopeFroms.Of(_envelopeFrom ?? ""),
            EnvelopeTo = _envelopeTos.Of(_envelopeTo ?? ""),
            Dkim = _dkim.Count == 0 ? [] : [.. _dkim],
            Spf = _spf.Count == 0 ? [] : [.. _spf],
        };
    }
}
