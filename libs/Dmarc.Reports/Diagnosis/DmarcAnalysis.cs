using System.Net;
using Dmarc.Reports.Aggregate;
using Dmarc.Reports.Alignment;
using Dmarc.Reports.Domains;
using Dmarc.Reports.Enrichment;
using Dmarc.Reports.Outcomes;

namespace Dmarc.Reports.Diagnosis;

/// <summary>
/// The entry point of diagnosis: an <see cref="IReportSink"/> that sums up the records of every aggregate report read
/// into streams, policy domains, reporters and days, in flat memory. Records wait for their report's outcome: those of
/// a report that ends in anything but <see cref="AggregateReportParsed"/> are dropped. When reading is done,
/// <see cref="ResultAsync(ISourceEnricher, IDmarcRecordSource, CancellationToken)"/> enriches the distinct source IPs,
/// compares Public Suffix List and DNS tree walk for the domains of <c>discovery_method=treewalk</c> reports, and
/// classifies every stream.
/// </summary>
public sealed class DmarcAnalysis : IReportSink
{
    private readonly IRecordAligner _aligner;
    private readonly IOrganizationalDomains _domains;
    private readonly AnalysisOptions _options;
    private readonly PendingRecords _pending;
    private readonly Dictionary<StreamKey, StreamTally> _streams = [];
    private readonly Dictionary<string, PolicyDomainTally> _policyDomains = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ReporterTally> _reporters = new(StringComparer.OrdinalIgnoreCase);
    private readonly DailyTally _daily;
    private readonly TreeWalkDomains _treeWalk;
    private long _reports;
    private long _records;
    private long _messages;
    private long _unanalysed;
    private long _invalid;
    private long _notReports;
    private DateTimeOffset? _begin;
    private DateTimeOffset? _end;

    public DmarcAnalysis(IRecordAligner aligner, IOrganizationalDomains domains, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(aligner);
        ArgumentNullException.ThrowIfNull(domains);
        _aligner = aligner;
        _domains = domains;
        _options = options ?? AnalysisOptions.Default;
        _pending = new PendingRecords(_options.MaxKeys);
        _daily = new DailyTally(_options.TimeZone, _options.MaxKeys);
        _treeWalk = new TreeWalkDomains(_options.MaxTreeWalkDomains);
    }

    /// <summary>The distinct source IPs of the streams (what the enrichment pass looks up).</summary>
    public IReadOnlyList<string> SourceIps =>
        [.. _streams.Keys.Where(key => !key.IsOther).Select(key => key.SourceIp).Distinct(StringComparer.OrdinalIgnoreCase)];

    public void OnAggregateRecord(AggregateRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _pending.Add(record);
    }

    public void OnOutcome(ReportOutcome outcome)
    {
        switch (outcome)
        {
            case AggregateReportParsed parsed:
                foreach (var record in parsed.Report.Records)
                {
                    _pending.Add(record);
                }

                Fold(parsed.Report);
                break;
            case InvalidReport:
                _invalid++;
                break;
            case NotAReport:
                _notReports++;
                break;
            default:
                break;
        }

        _pending.Clear();
    }

    /// <summary>
    /// Looks up every distinct source IP with <paramref name="enricher"/>, one at a time, then classifies. The
    /// organisational domains of tree-walk reports are not compared: <see cref="AnalysisResult.DiscoveryCheck"/> says so.
    /// </summary>
    public async Task<AnalysisResult> ResultAsync(ISourceEnricher enricher, CancellationToken cancellationToken = default) =>
        Build(await SourcesAsync(enricher, cancellationToken).ConfigureAwait(false), DiscoveryComparison.NotChecked(_treeWalk, DiscoveryComparison.NoRecordSource), []);

    /// <summary>
    /// Looks up every distinct source IP with <paramref name="enricher"/>, then walks the DNS tree with
    /// <paramref name="records"/> for the Header-From and policy domains of <c>discovery_method=treewalk</c> reports
    /// (<see cref="IDmarcRecordSource.Offline"/>: not checked), then classifies.
    /// </summary>
    public async Task<AnalysisResult> ResultAsync(ISourceEnricher enricher, IDmarcRecordSource records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var sources = await SourcesAsync(enricher, cancellationToken).ConfigureAwait(false);
        var (check, differences) = await DiscoveryComparison.CompareAsync(_treeWalk, _domains, records, cancellationToken).ConfigureAwait(false);
        return Build(sources, check, differences);
    }

    /// <summary>Classifies with what is already known about the sources (none: offline; every source is then unknown).
    /// The organisational domains of tree-walk reports are not compared.</summary>
    public AnalysisResult Result(IReadOnlyDictionary<string, SourceInfo>? sources = null) =>
        Build(sources, DiscoveryComparison.NotChecked(_treeWalk, DiscoveryComparison.NoRecordSource), []);

    private async Task<Dictionary<string, SourceInfo>> SourcesAsync(ISourceEnricher enricher, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enricher);
        var sources = new Dictionary<string, SourceInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var ip in SourceIps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!IPAddress.TryParse(ip, out _))
            {
                continue;
            }

            try
            {
                sources[ip] = await enricher.EnrichAsync(ip, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // An enricher should not throw; when one does, the stream is still classified, without what it knows.
                sources[ip] = new SourceInfo(ip) { Notes = [$"lookup failed: {exception.Message}"] };
            }
        }

        return sources;
    }

    private AnalysisResult Build(
        IReadOnlyDictionary<string, SourceInfo>? sources, DiscoveryCheck discovery, IReadOnlyList<ReportedDiscoveryDifference> differences)
    {
        var notes = new DiscoveryNotes(differences);
        var streams = _streams.Values
            .Select(tally => Analyse(tally, sources, notes))
            .OrderByDescending(stream => stream.Tally.Messages).ThenBy(stream => stream.Key.ToString(), StringComparer.Ordinal)
            .ToList();
        var byDomain = new Dictionary<string, List<StreamAnalysis>>(StringComparer.OrdinalIgnoreCase);
        foreach (var stream in streams)
        {
            foreach (var share in stream.Tally.PolicyDomains)
            {
                if (!byDomain.TryGetValue(share.Domain, out var list))
                {
                    byDomain[share.Domain] = list = [];
                }

                list.Add(stream);
            }
        }

        return new AnalysisResult
        {
            TimeZone = _options.TimeZone.Id,
            Reports = _reports,
            Records = _records,
            Messages = _messages,
            UnanalysedMessages = _unanalysed,
            InvalidReports = _invalid,
            NotReports = _notReports,
            Begin = _begin,
            End = _end,
            Streams = streams,
            Domains =
            [
                .. _policyDomains.Values.Select(domain => EnforcementReadiness.Of(domain, byDomain.GetValueOrDefault(domain.Domain) ?? [], _options))
                    .OrderByDescending(domain => domain.Messages).ThenBy(domain => domain.Domain, StringComparer.Ordinal),
            ],
            Reporters = [.. _reporters.Values.OrderByDescending(r => r.Messages).ThenBy(r => r.Reporter, StringComparer.Ordinal)],
            Days = _daily.Days,
            DiscoveryCheck = discovery,
            DiscoveryDifferences = differences,
        };
    }

    private StreamAnalysis Analyse(StreamTally tally, IReadOnlyDictionary<string, SourceInfo>? sources, DiscoveryNotes notes)
    {
        SourceInfo? source = null;
        if (!tally.Key.IsOther)
        {
            source = sources is not null && sources.TryGetValue(tally.Key.SourceIp, out var known)
                ? known
                : new SourceInfo(tally.Key.SourceIp)
                {
                    Notes = [IPAddress.TryParse(tally.Key.SourceIp, out _) ? "not looked up" : "the reported source is not an IP address"],
                };
        }

        if (source is { Sender: null } && _options.Inventory.MatchPassingDomains(
                tally.MisalignedDkimDomains.Entries.Select(entry => entry.Key),
                tally.MisalignedSpfDomains.Entries.Select(entry => entry.Key)) is { } authorised)
        {
            source = source with { Sender = authorised };
        }

        return new StreamAnalysis(tally, source, notes.Add(tally, StreamClassifier.Classify(tally, source, _domains)));
    }

    private void Fold(AggregateReport report)
    {
        _reports++;
        _records += _pending.Records;
        _unanalysed += _pending.Unanalysed;
        _begin = _begin is { } begin && begin <= report.Metadata.Period.Begin ? begin : report.Metadata.Period.Begin;
        _end = _end is { } end && end >= report.Metadata.Period.End ? end : report.Metadata.Period.End;
        var context = new ReportContext(_reports, report.Metadata.OrgName, report.Policy, report.Metadata.Period);
        var domain = Entry(_policyDomains, report.Policy.Domain, name => new PolicyDomainTally(name));
        domain.AddReport(report.Policy, report.Metadata.Period);
        var reporter = Entry(_reporters, report.Metadata.OrgName, name => new ReporterTally(name));
        reporter.Reports++;
        var split = new ResultSplit();
        foreach (var (record, overflow) in _pending.Shapes)
        {
            var alignment = _aligner.Align(record, report.Policy);
            var overrides = OverrideReasons.Of(record, report.Policy);
            Stream(overflow ? StreamKey.Other : StreamKey.Of(record)).Add(record, alignment, overrides, context, _domains);
            domain.Add(record, alignment.ReporterPass, alignment.DmarcPass);
            reporter.Add(record.Count, alignment.ReporterPass, alignment.DmarcPass);
            split.Add(record.Count, alignment.ReporterPass, alignment.DmarcPass);
            _messages += record.Count;
        }

        _daily.AddReport(domain.Domain, report.Metadata.Period, split);
        if (TreeWalkDomains.Walked(report.Policy))
        {
            _treeWalk.AddReport(_reports, report.Policy, _pending.Shapes.Select(shape => shape.Record));
        }
    }

    private StreamTally Stream(StreamKey key)
    {
        if (_streams.TryGetValue(key, out var tally))
        {
            return tally;
        }

        if (_streams.Count >= _options.MaxKeys)
        {
            key = StreamKey.Other;
            if (_streams.TryGetValue(key, out tally))
            {
                return tally;
            }
        }

        tally = new StreamTally(key);
        _streams[key] = tally;
        return tally;
    }

    private TValue Entry<TValue>(Dictionary<string, TValue> map, string key, Func<string, TValue> create)
    {
        if (map.TryGetValue(key, out var value))
        {
            return value;
        }

        if (map.Count >= _options.MaxKeys)
        {
            key = AnalysisOptions.Other;
            if (map.TryGetValue(key, out value))
            {
                return value;
            }
        }

        value = create(key);
        map[key] = value;
        return value;
    }
}
