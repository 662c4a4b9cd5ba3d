using System.Text;
using System.Text.Json;
using Dmarc.Reports.Failure;
using Dmarc.Reports.Formats;

namespace Dmarc.Reports.Tests.Conformance;

/// <summary>
/// The failure (ruf) reports of the corpus, read by us and compared with parsedmarc 10.4.3 on the fields that are
/// facts of the report: what failed, for which domain, from which IP, when, for whom, what was done, and the sample's
/// subject and addresses. <c>parsed_sample</c> beyond these comes from another library and is not compared.
/// </summary>
public sealed class FailureConformance
{
    private const string LinkedIn = "parsedmarc/failure/dmarc_ruf_report_linkedin.eml";
    private const string LinkedInCrlf = "parsedmarc/failure/dmarc_ruf_report_linkedin.crlf.eml";

    /// <summary>Where we knowingly differ from parsedmarc on a failure report, and why. Empty: we agree on every compared field.</summary>
    private static readonly JustifiedDifference[] _justified = [];

    public static IEnumerable<TheoryDataRow<string>> FailureFiles()
    {
        var files = Corpus.Files().Where(file => file.StartsWith("parsedmarc/failure/", StringComparison.Ordinal)).ToList();
        return (files.Count == 0 ? [Corpus.Missing] : files)
            .Select(file => new TheoryDataRow<string>(file) { TestDisplayName = $"parsedmarc's JSON of failure file {file} is what our writer writes" });
    }

    /// <summary>Called for every corpus file parsedmarc reads as a failure report.</summary>
    internal static void AgreesWithParsedmarc(string file, JsonElement parsedmarcReport, IReadOnlyList<ReportOutcome> outcomes)
    {
        var ours = SingleFailure(outcomes).Report;
        NoUnjustifiedDifferences(file, FailureView.Compare(FailureView.Of(parsedmarcReport), FailureView.Of(ours)));
    }

    [Fact]
    public void The_corpus_holds_the_five_failure_reports_parsedmarc_reads()
    {
        Corpus.Require();
        var failures = Corpus.Files().Where(file => file.StartsWith("parsedmarc/failure/", StringComparison.Ordinal)).ToList();

        Assert.Equal(5, failures.Count);
        Assert.All(failures, file =>
        {
            using var expected = Corpus.Expected(file);
            Assert.Equal("failure", ParsedmarcView.String(expected.RootElement, "report_type"));
        });
    }

    [Theory]
    [MemberData(nameof(FailureFiles))]
    public void Our_parsedmarc_writer_agrees_with_parsedmarc(string file)
    {
        Corpus.Require();
        using var expected = Corpus.Expected(file);
        var parsedmarcReport = expected.RootElement.GetProperty("report");
        var ours = SingleFailure(ReadCorpusFile(file)).Report;

        using var written = JsonDocument.Parse(Write(ParsedmarcFailureJson.Write, ours));

        NoUnjustifiedDifferences(file, FailureView.Compare(FailureView.Of(parsedmarcReport), FailureView.Of(written.RootElement)));
        Assert.Equal(Keys(parsedmarcReport), Keys(written.RootElement));
        Assert.Equal(Keys(parsedmarcReport.GetProperty("source")), Keys(written.RootElement.GetProperty("source")));
    }

    [Fact]
    public void The_CRLF_copy_of_the_LinkedIn_report_reads_as_the_LF_one()
    {
        Corpus.Require();
        Assert.Contains("\r\n", File.ReadAllText(Corpus.PathOf(LinkedInCrlf)), StringComparison.Ordinal);

        var lf = SingleFailure(ReadCorpusFile(LinkedIn)).Report;
        var crlf = SingleFailure(ReadCorpusFile(LinkedInCrlf)).Report;

        Assert.Equal(Write(DmarcFailureJson.Write, lf), Write(DmarcFailureJson.Write, crlf));
        Assert.Equal("Subject line, could be UTF8 encoded", crlf.Sample.Subject);
        Assert.Equal(["recipient@linkedin.com"], crlf.OriginalRcptTo);
    }

    internal static FailureReportParsed SingleFailure(IReadOnlyList<ReportOutcome> outcomes)
    {
        if (outcomes is not [FailureReportParsed parsed])
        {
            Assert.Fail($"expected exactly one failure report, got: {Read.Describe(outcomes)}");
            throw new InvalidOperationException("unreachable");
        }

        return parsed;
    }

    internal static string Write(Action<Utf8JsonWriter, FailureReport> write, FailureReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json, report);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static IReadOnlyList<ReportOutcome> ReadCorpusFile(string file)
    {
        using var input = File.OpenRead(Corpus.PathOf(file));
        return new ReportReader().ReadAll(input, file, TestContext.Current.CancellationToken);
    }

    private static List<string> Keys(JsonElement element) => [.. element.EnumerateObject().Select(property => property.Name)];

    private static void NoUnjustifiedDifferences(string file, IReadOnlyList<Difference> differences)
    {
        var justified = _justified.Where(entry => entry.File == file).ToList();
        var stale = justified.Where(entry => !differences.Any(difference => entry.Covers(file, difference))).ToList();
        var unexplained = differences.Where(difference => !justified.Any(entry => entry.Covers(file, difference))).ToList();

        Assert.True(stale.Count == 0, $"no longer a difference, remove it: {string.Join("; ", stale.Select(s => s.Field))}");
        Assert.True(unexplained.Count == 0, $"{unexplained.Count} difference(s) from parsedmarc:\n{string.Join("\n", unexplained)}");
    }
}

/// <summary>
/// The compared facts of a failure report, from parsedmarc's JSON (theirs, or our <see cref="ParsedmarcFailureJson"/>)
/// or from our model. parsedmarc's fill-ins are applied to the model the same way (its own rules): a missing
/// Delivery-Result is "other", a missing Auth-Failure is "dmarc" (our model says so too), a missing Arrival-Date is
/// the report mail's date. Lists are compared as sets (parsedmarc's order of them is arbitrary).
/// </summary>
internal sealed record FailureView(IReadOnlyList<(string Field, string? Value)> Fields)
{
    public static FailureView Of(JsonElement report)
    {
        var sample = report.GetProperty("parsed_sample");
        return new([
            ("feedback_type", ParsedmarcView.String(report, "feedback_type")),
            ("auth_failure", Set(report.GetProperty("auth_failure").EnumerateArray().Select(token => token.GetString()))),
            ("reported_domain", ParsedmarcView.String(report, "reported_domain")),
            ("source.ip_address", ParsedmarcView.String(report.GetProperty("source"), "ip_address")),
            ("arrival_date_utc", ParsedmarcView.String(report, "arrival_date_utc")),
            ("original_mail_from", ParsedmarcView.String(report, "original_mail_from")),
            ("original_rcpt_to", ParsedmarcView.String(report, "original_rcpt_to")),
            ("delivery_result", ParsedmarcView.String(report, "delivery_result")),
            ("dkim_domain", ParsedmarcView.String(report, "dkim_domain")),
            ("authentication_results", ParsedmarcView.String(report, "authentication_results")),
            ("authentication_mechanisms", Set(report.GetProperty("authentication_mechanisms").EnumerateArray().Select(token => token.GetString()))),
            ("sample_headers_only", report.GetProperty("sample_headers_only").GetBoolean() ? "true" : "false"),
            ("parsed_sample.subject", ParsedmarcView.String(sample, "subject")),
            ("parsed_sample.from", sample.GetProperty("from") is { ValueKind: JsonValueKind.Object } from ? ParsedmarcView.String(from, "address") : null),
            ("parsed_sample.to", Set(sample.GetProperty("to").EnumerateArray().Select(to => ParsedmarcView.String(to, "address")))),
        ]);
    }

    public static FailureView Of(FailureReport report) => new([
        ("feedback_type", report.FeedbackType),
        ("auth_failure", Set(report.AuthFailure)),
        ("reported_domain", report.ReportedDomain),
        ("source.ip_address", report.SourceIp),
        ("arrival_date_utc", report.ArrivalDate is { } arrival ? ReportTimes.Parsedmarc(arrival) : null),
        ("original_mail_from", report.OriginalMailFrom),
        ("original_rcpt_to", report.OriginalRcptTo.Count == 0 ? null : string.Join(", ", report.OriginalRcptTo)),
        ("delivery_result", (report.DeliveryResult ?? DeliveryResult.Other).ToString().ToLowerInvariant()),
        ("dkim_domain", report.DkimDomain),
        ("authentication_results", report.AuthenticationResults),
        ("authentication_mechanisms", Set(Mechanisms(report.IdentityAlignment ?? IdentityAlignment.None))),
        ("sample_headers_only", report.Sample.HeadersOnly ? "true" : "false"),
        ("parsed_sample.subject", report.Sample.Subject),
        ("parsed_sample.from", report.Sample.From?.Address),
        ("parsed_sample.to", Set(report.Sample.To.Select(to => to.Address))),
    ]);

    public static IReadOnlyList<Difference> Compare(FailureView parsedmarc, FailureView ours) =>
    [
        .. parsedmarc.Fields.Zip(ours.Fields)
            .Where(pair => pair.First.Value != pair.Second.Value)
            .Select(pair => new Difference(pair.First.Field, pair.First.Value, pair.Second.Value)),
    ];

    private static IEnumerable<string> Mechanisms(IdentityAlignment alignment)
    {
        if (alignment.HasFlag(IdentityAlignment.Dkim))
        {
            yield return "dkim";
        }

        if (alignment.HasFlag(IdentityAlignment.Spf))
        {
            yield return "spf";
        }
    }

    private static string Set(IEnumerable<string?> values) => string.Join(",", values.Select(value => value ?? "(null)").Order(StringComparer.Ordinal));
}
