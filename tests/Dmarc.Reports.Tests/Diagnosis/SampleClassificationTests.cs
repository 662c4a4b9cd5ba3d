using System.Net;
using Dmarc.ReportGenerator;
using Dmarc.Reports.Diagnosis;

namespace Dmarc.Reports.Tests.Diagnosis;

/// <summary>
/// The generated samples (tools/report-generator SampleSet) tell one scenario each; offline (no enrichment), every
/// stream of a scenario must come out as the class DMARC.md gives it. Which scenario a stream belongs to is read from
/// the networks the generator sends each kind from (<see cref="SendingNetworks"/>).
/// </summary>
public sealed class SampleClassificationTests
{
    public static TheoryData<string> Scenarios =>
    [
        "aggregate-google-compliant.xml",
        "aggregate-outlook-forwarded.xml.gz",
        "aggregate-yahoo-misconfigured-esp.zip",
        "aggregate-mailcoop-spoofing.xml",
    ];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Every_stream_of_a_sample_comes_out_as_the_class_of_its_kind(string fileName)
    {
        var result = Analyse(fileName);

        Assert.NotEmpty(result.Streams);
        Assert.All(result.Streams, stream =>
        {
            var kind = KindOf(stream.Key);
            Assert.True(Expected(kind) == stream.Verdict.Class,
                $"{stream.Key} is {kind}, expected {Expected(kind)}, got {stream.Verdict.Class}: {string.Join("; ", stream.Verdict.Evidence)}");
        });
    }

    [Fact]
    public void The_forwarded_sample_shows_mailing_list_mail_as_forwarded()
    {
        var result = Analyse("aggregate-outlook-forwarded.xml.gz");

        Assert.Contains(result.Streams, s => s.Verdict.Class == StreamClass.Forwarded);
        Assert.All(result.Streams.Where(s => s.Verdict.Class == StreamClass.Forwarded), s => Assert.Equal(SendingNetworks.MailingListDomain, s.Key.EnvelopeFrom));
    }

    [Fact]
    public void The_misconfigured_esp_sample_tells_to_sign_with_the_own_domain()
    {
        var result = Analyse("aggregate-yahoo-misconfigured-esp.zip");

        var misconfigured = result.Streams.Where(s => s.Verdict.Class == StreamClass.Misconfigured).ToList();
        Assert.NotEmpty(misconfigured);
        Assert.All(misconfigured, s => Assert.Contains("set a custom Return-Path under example.com", s.Verdict.Fix, StringComparison.Ordinal));
        Assert.Contains(misconfigured, s => s.Verdict.Fix!.StartsWith($"DKIM passes for d={SendingNetworks.EspSigningDomain}: sign with your own domain (d=example.com)", StringComparison.Ordinal));
        var domain = Assert.Single(result.Domains);
        Assert.False(domain.Recommendation.Ready);
        Assert.Contains(domain.Recommendation.Reasoning, r => r.Contains("is misconfigured mail from", StringComparison.Ordinal));
    }

    [Fact]
    public void The_spoofing_sample_is_ready_for_quarantine_because_only_spoofing_fails()
    {
        var result = Analyse("aggregate-mailcoop-spoofing.xml");

        var domain = Assert.Single(result.Domains);
        Assert.True(domain.WouldQuarantine.ByClass[StreamClass.Suspicious] > 0);
        Assert.Equal(domain.WouldQuarantine.Messages, domain.WouldQuarantine.ByClass[StreamClass.Suspicious]);
        Assert.True(domain.Recommendation.Ready);
        // A two-day report: its messages are spread over the days and add up.
        Assert.Equal(domain.Messages, result.Days.Sum(d => d.Messages));
        Assert.True(result.Days.Count >= 2);
    }

    private static AnalysisResult Analyse(string fileName)
    {
        var content = SampleSet.Files.Single(file => file.FileName == fileName).Content();
        var analysis = new DmarcAnalysis(TestAligner.Instance, LastTwoLabels.Instance);
        using var input = new MemoryStream(content);
        new ReportReader().Read(input, fileName, analysis, TestContext.Current.CancellationToken);
        return analysis.Result();
    }

    private static StreamClass Expected(StreamKind kind) => kind switch
    {
        // Plain forwarding keeps the domain's DKIM signature: DMARC still passes, so the stream is compliant.
        StreamKind.OwnServer or StreamKind.AlignedEsp or StreamKind.Forwarded => StreamClass.Compliant,
        StreamKind.MailingList => StreamClass.Forwarded,
        StreamKind.MisconfiguredEsp => StreamClass.Misconfigured,
        _ => StreamClass.Suspicious,
    };

    /// <summary>The kind of a stream, from the address plan of <see cref="SendingNetworks"/>.</summary>
    private static StreamKind KindOf(StreamKey key)
    {
        var address = IPAddress.Parse(key.SourceIp);
        var bytes = address.GetAddressBytes();
        if (bytes.Length == 16)
        {
            return key.SourceIp.StartsWith("2001:db8:10::", StringComparison.Ordinal) ? StreamKind.OwnServer
                : key.SourceIp.StartsWith("2001:db8:f0::", StringComparison.Ordinal) ? ForwardedOrList(key)
                : StreamKind.Spoofing;
        }

        return (bytes[0], bytes[1], bytes[2], bytes[3]) switch
        {
            (192, 0, 2, _) => StreamKind.OwnServer,
            (198, 51, 100, < 100) => StreamKind.AlignedEsp,
            (198, 51, 100, >= 128) => StreamKind.MisconfiguredEsp,
            (203, 0, 113, >= 200) => ForwardedOrList(key),
            _ => StreamKind.Spoofing,
        };
    }

    private static StreamKind ForwardedOrList(StreamKey key) =>
        key.EnvelopeFrom == SendingNetworks.MailingListDomain ? StreamKind.MailingList : StreamKind.Forwarded;
}
