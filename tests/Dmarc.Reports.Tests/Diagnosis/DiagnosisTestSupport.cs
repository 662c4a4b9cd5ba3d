using System.Text;
using Dmarc.Reports.Alignment;
using Dmarc.Reports.Diagnosis;
using Dmarc.Reports.Domains;
using Dmarc.Reports.Enrichment;

namespace Dmarc.Reports.Tests.Diagnosis;

/// <summary>The organisational domain as the last two labels: enough for the example domains of these tests.</summary>
internal sealed class LastTwoLabels : IOrganizationalDomains
{
    public static LastTwoLabels Instance { get; } = new();

    public string Of(string domain)
    {
        var labels = domain.Trim().TrimEnd('.').ToLowerInvariant().Split('.');
        return labels.Length <= 2 ? string.Join('.', labels) : string.Join('.', labels[^2..]);
    }
}

/// <summary>
/// DMARC recomputed the plain way, as the tests' own seam for <see cref="IRecordAligner"/>: SPF counts only a MAIL FROM
/// pass, DKIM any passing signature; aligned means the same domain (strict) or the same organisational domain (relaxed).
/// </summary>
internal sealed class TestAligner : IRecordAligner
{
    public static TestAligner Instance { get; } = new();

    public RecordAlignment Align(AggregateRecord record, PolicyPublished policy)
    {
        var spfPass = record.Spf.FirstOrDefault(s => s.Scope == SpfScope.MailFrom && s.Result == SpfResult.Pass)?.Domain;
        var spf = spfPass is not null
            ? Aligned(spfPass, record.HeaderFrom, policy.Aspf) ? MechanismDiagnosis.Pass : MechanismDiagnosis.Misaligned
            : record.Spf.Count > 0 ? MechanismDiagnosis.AuthFail : MechanismDiagnosis.None;

        var dkimPasses = record.Dkim.Where(d => d.Result == DkimResult.Pass).Select(d => d.Domain).ToList();
        var signed = record.Dkim.Any(d => d.Result != DkimResult.None);
        var dkim = dkimPasses.Any(d => Aligned(d, record.HeaderFrom, policy.Adkim)) ? MechanismDiagnosis.Pass
            : dkimPasses.Count > 0 ? MechanismDiagnosis.Misaligned
            : signed ? MechanismDiagnosis.AuthFail : MechanismDiagnosis.None;
        return new RecordAlignment(spf, dkim, spfPass, dkimPasses) { ReporterPass = record.PolicyEvaluated.DmarcPass };
    }

    private static bool Aligned(string domain, string headerFrom, AlignmentMode mode) =>
        mode == AlignmentMode.Strict
            ? string.Equals(domain, headerFrom, StringComparison.OrdinalIgnoreCase)
            : string.Equals(LastTwoLabels.Instance.Of(domain), LastTwoLabels.Instance.Of(headerFrom), StringComparison.Ordinal);
}

/// <summary>A fake enricher that knows what the test tells it and counts the look-ups.</summary>
internal sealed class FakeEnricher(params SourceInfo[] known) : ISourceEnricher
{
    public List<string> LookedUp { get; } = [];

    public ValueTask<SourceInfo> EnrichAsync(string ip, CancellationToken cancellationToken = default)
    {
        LookedUp.Add(ip);
        return ValueTask.FromResult(known.FirstOrDefault(s => s.Ip == ip) ?? new SourceInfo(ip));
    }
}

/// <summary>Reads the reports a test writes into a <see cref="DmarcAnalysis"/>.</summary>
internal static class Analyse
{
    public static DmarcAnalysis Reports(AnalysisOptions? options, params string[] reports)
    {
        var analysis = new DmarcAnalysis(TestAligner.Instance, LastTwoLabels.Instance, options);
        var reader = new ReportReader();
        foreach (var report in reports)
        {
            using var input = new MemoryStream(Encoding.UTF8.GetBytes(report));
            reader.Read(input, Read.Source, analysis, TestContext.Current.CancellationToken);
        }

        return analysis;
    }

    public static AnalysisResult Result(params string[] reports) => Reports(null, reports).Result();

    public static AnalysisResult Result(AnalysisOptions options, params string[] reports) => Reports(options, reports).Result();

    public static AnalysisResult Result(IReadOnlyDictionary<string, SourceInfo> sources, params string[] reports) =>
        Reports(null, reports).Result(sources);

    /// <summary>One report of example.com holding <paramref name="records"/>.</summary>
    public static string Report(string records, string? policy = null, string? metadata = null) =>
        ReportXml.Feedback(metadata: metadata, policy: policy ?? ReportXml.Policy(), records: records);

    /// <summary>The one stream the result must hold.</summary>
    public static StreamAnalysis Single(AnalysisResult result)
    {
        Assert.True(result.Streams.Count == 1, $"expected one stream, got {result.Streams.Count}: {string.Join("; ", result.Streams.Select(s => s.Key))}");
        return result.Streams[0];
    }

    public static Dictionary<string, SourceInfo> Sources(params SourceInfo[] sources) => sources.ToDictionary(s => s.Ip);
}

/// <summary>Records of the typical streams, written with <see cref="ReportXml"/>.</summary>
internal static class Streams
{
    /// <summary>The domain's own server: aligned SPF and DKIM pass.</summary>
    public static string Compliant(string ip = "192.0.2.10", int count = 1) => ReportXml.Record(sourceIp: ip, count: N(count));

    /// <summary>An ESP signing with its own domain and bouncing to its own domain.</summary>
    public static string MisconfiguredEsp(string ip = "198.51.100.150", int count = 1, bool dkim = true) => ReportXml.Record(
        sourceIp: ip, count: N(count), dkim: "fail", spf: "fail", envelopeFrom: "bounces.vendor.example",
        authResults: (dkim ? ReportXml.DkimAuth("esp.example") : "") + ReportXml.SpfAuth("bounces.vendor.example"));

    /// <summary>Nothing authenticates.</summary>
    public static string Spoofing(string ip = "203.0.113.5", int count = 1, string headerFrom = "example.com") => ReportXml.Record(
        sourceIp: ip, count: N(count), dkim: "fail", spf: "fail", headerFrom: headerFrom, envelopeFrom: headerFrom,
        authResults: ReportXml.SpfAuth(headerFrom, result: "softfail"));

    /// <summary>Through a mailing list that breaks the domain's signature; the receiver names the override.</summary>
    public static string MailingList(string ip = "203.0.113.210", int count = 1, string reason = "mailing_list", string? comment = null) => ReportXml.Record(
        sourceIp: ip, count: N(count), dkim: "fail", spf: "fail", envelopeFrom: "lists.community.example",
        reasons: ReportXml.Reason(reason, comment),
        authResults: ReportXml.DkimAuth("example.com", result: "fail") + ReportXml.DkimAuth("lists.community.example") + ReportXml.SpfAuth("lists.community.example"));

    public static string N(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
