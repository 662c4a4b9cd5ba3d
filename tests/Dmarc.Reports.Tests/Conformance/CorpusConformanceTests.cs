using System.Text.Json;

namespace Dmarc.Reports.Tests.Conformance;

/// <summary>
/// Every file of the shared corpus of real reports, read by us and compared with what parsedmarc 10.4.3 made of it.
/// One test per file. Where we knowingly differ, <see cref="JustifiedDifferences"/> says so and why.
/// </summary>
public sealed class CorpusConformanceTests
{
    private const string AolZip = "georgestarcher-dmarcgo/testdata/fixtures/aol.com!georgestarcher.com!1342497600!1342584000.zip";
    private const string AolZlib = "georgestarcher-dmarcgo/testdata/fixtures/aol.com!georgestarcher.com!1342497600!1342584000.zlib";
    private const string Empty = "parsedmarc/empty.xml";

    /// <summary>One row per corpus file, named by its path (xUnit would cut a long path argument short).</summary>
    public static IEnumerable<TheoryDataRow<string>> CorpusFiles()
    {
        var files = Corpus.Files().ToList();
        return (files.Count == 0 ? [Corpus.Missing] : files)
            .Select(file => new TheoryDataRow<string>(file) { TestDisplayName = $"Corpus file {file} reads as parsedmarc reads it" });
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Corpus_file_reads_as_parsedmarc_reads_it(string file)
    {
        Corpus.Require();
        using var expected = Corpus.Expected(file);
        var reportType = ParsedmarcView.String(expected.RootElement, "report_type");
        var outcomes = ReadCorpusFile(file);

        switch (reportType)
        {
            case "aggregate":
                AgreesWithParsedmarc(file, expected.RootElement.GetProperty("report"), outcomes);
                break;
            case "failure":
                FailureConformance.AgreesWithParsedmarc(file, expected.RootElement.GetProperty("report"), outcomes);
                break;
            case "smtp_tls":
                TlsConformance.AgreesWithParsedmarc(file, expected.RootElement.GetProperty("report"), outcomes);
                break;
            case null:
                RejectedByParsedmarc(file, outcomes);
                break;
            default:
                Assert.Fail($"parsedmarc says {file} is a \"{reportType}\" report, a kind this test does not know");
                break;
        }
    }

    [Fact]
    public void Every_justified_difference_names_a_corpus_file()
    {
        Corpus.Require();
        var files = Corpus.Files().ToHashSet();
        Assert.All(JustifiedDifferences.All, entry => Assert.Contains(entry.File, files));
    }

    [Theory]
    [InlineData("parsedmarc/extract_report/nice-input.xml", "parsedmarc/extract_report/nice-input.xml.gz", "parsedmarc/extract_report/nice-input.xml.zip")]
    [InlineData(AolZip, AolZlib)]
    public void The_same_report_in_different_containers_reads_the_same(params string[] files)
    {
        Corpus.Require();

        var reports = files.Select(file => Read.SingleParsed(ReadCorpusFile(file)).Report).ToList();

        Assert.All(reports, report => Assert.Equal(reports[0].PayloadSha256, report.PayloadSha256));
        Assert.All(reports, report => Assert.Equal(OurView.Of(reports[0]), OurView.Of(report), ReportViewComparer.Instance));
    }

    private static IReadOnlyList<ReportOutcome> ReadCorpusFile(string file)
    {
        using var input = File.OpenRead(Corpus.PathOf(file));
        return new ReportReader().ReadAll(input, file, TestContext.Current.CancellationToken);
    }

    private static void AgreesWithParsedmarc(string file, JsonElement parsedmarcReport, IReadOnlyList<ReportOutcome> outcomes)
    {
        var ours = Read.SingleParsed(outcomes).Report;
        var differences = ReportComparison.Compare(
            ParsedmarcView.Of(parsedmarcReport),
            OurView.Of(ours),
            rejoinDays: ParsedmarcView.SplitByDay(parsedmarcReport));

        var justified = JustifiedDifferences.For(file).ToList();
        var stale = justified.Where(entry => !differences.Any(difference => entry.Covers(file, difference))).ToList();
        var unexplained = differences.Where(difference => !justified.Any(entry => entry.Covers(file, difference))).ToList();

        Assert.True(stale.Count == 0, $"no longer a difference, remove from JustifiedDifferences: {string.Join("; ", stale.Select(s => s.Field))}");
        Assert.True(unexplained.Count == 0,
            $"{unexplained.Count} difference(s) from parsedmarc:\n{string.Join("\n", unexplained.Take(40))}{(unexplained.Count > 40 ? "\n…" : "")}");
    }

    /// <summary>The three files parsedmarc rejects, and what we make of them.</summary>
    private static void RejectedByParsedmarc(string file, IReadOnlyList<ReportOutcome> outcomes)
    {
        switch (file)
        {
            case Empty:
                // Zero bytes: nothing to read. Invalid or not a report, but with a reason.
                var outcome = Assert.Single(outcomes);
                var reason = outcome switch
                {
                    InvalidReport invalid => invalid.Reason,
                    NotAReport notAReport => notAReport.Reason,
                    _ => null,
                };
                Assert.False(string.IsNullOrWhiteSpace(reason), $"the empty file must be rejected with a reason, got: {Read.Describe(outcomes)}");
                break;
            case AolZip or AolZlib:
                // A real AOL report of 2012 (windows-1252, old namespace header, policy_evaluated without dkim and
                // spf), zipped and as raw zlib. parsedmarc rejects both; we must read them. The expectations are
                // the values in its XML.
                IsTheAolReport(Read.SingleParsed(outcomes).Report);
                break;
            default:
                Assert.Fail($"parsedmarc rejects {file}; decide what we make of it and say so here");
                break;
        }
    }

    /// <summary>Two views are the same when they have no difference (records are lists, so record equality is not enough).</summary>
    private sealed class ReportViewComparer : IEqualityComparer<ReportView>
    {
        public static readonly ReportViewComparer Instance = new();

        public bool Equals(ReportView? x, ReportView? y) =>
            x is not null && y is not null && ReportComparison.Compare(x, y, rejoinDays: false).Count == 0;

        public int GetHashCode(ReportView obj) => 0;
    }

    private static void IsTheAolReport(AggregateReport report)
    {
        Assert.Equal("AOL", report.Metadata.OrgName);
        Assert.Equal("postmaster@aol.com", report.Metadata.Email);
        Assert.Equal("georgestarcher.com_1342584000", report.Metadata.ReportId);
        Assert.Equal(ReportPeriod.FromUnixSeconds(1342497600, 1342584000), report.Metadata.Period);
        Assert.Equal("georgestarcher.com", report.Policy.Domain);
        Assert.Equal(DomainPolicy.Reject, report.Policy.P);
        Assert.Equal(DomainPolicy.None, report.Policy.Sp);
        Assert.Equal(100, report.Policy.Pct);

        var record = Assert.Single(report.Records);
        Assert.Equal("209.85.216.42", record.SourceIp);
        Assert.Equal(1, record.Count);
        Assert.Equal(Disposition.None, record.PolicyEvaluated.Disposition);
        Assert.Equal("georgestarcher.com", record.HeaderFrom);
        Assert.Null(record.EnvelopeFrom);
        var dkim = Assert.Single(record.Dkim);
        Assert.Equal(("georgestarcher.com", DkimResult.Pass), (dkim.Domain, dkim.Result));
        var spf = Assert.Single(record.Spf);
        Assert.Equal(("georgestarcher.com", SpfResult.Pass), (spf.Domain, spf.Result));
    }
}
