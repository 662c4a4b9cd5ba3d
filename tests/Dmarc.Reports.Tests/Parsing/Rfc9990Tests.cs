using System.Text.RegularExpressions;
using static Dmarc.Reports.Tests.Support.ReportXml;

namespace Dmarc.Reports.Tests.Parsing;

/// <summary>
/// RFC 9990 (DMARCbis) reports: new fields, lang attributes, extensions and the new disposition and override. Many
/// reporters send them without the new namespace, some with a namespace prefix on every element.
/// </summary>
public sealed class Rfc9990Tests
{
    public enum Namespacing
    {
        None,
        Default,
        Prefixed,
    }

    [Theory]
    [InlineData(Namespacing.None)]
    [InlineData(Namespacing.Default)]
    [InlineData(Namespacing.Prefixed)]
    public void An_rfc_9990_report_is_read_with_or_without_its_namespace(Namespacing namespacing)
    {
        var report = Read.SingleReport(Rfc9990Report(namespacing));

        Assert.Equal(namespacing == Namespacing.None ? null : Rfc9990Namespace, report.XmlNamespace);
        Assert.Equal("1.0", report.SchemaVersion);
        Assert.Equal("Example DMARC Aggregate Reporter v1.2", report.Metadata.Generator);
        Assert.Equal("https://receiver.example/dmarc", report.Metadata.ExtraContactInfo);
        Assert.Equal("bis-1", report.Metadata.ReportId);

        Assert.Equal("example.com", report.Policy.Domain);
        Assert.Equal(DomainPolicy.Quarantine, report.Policy.P);
        Assert.Null(report.Policy.Sp);
        Assert.Equal(DomainPolicy.Reject, report.Policy.Np);
        Assert.Equal(DomainPolicy.Quarantine, report.Policy.EffectiveSp);
        Assert.Equal(DomainPolicy.Reject, report.Policy.EffectiveNp);
        Assert.Null(report.Policy.Pct);
        Assert.True(report.Policy.Testing);
        Assert.Equal(DiscoveryMethod.TreeWalk, report.Policy.DiscoveryMethod);

        Assert.Equal(2, report.RecordCount);
        var (passed, tested) = (report.Records[0], report.Records[1]);
        Assert.Equal(Disposition.Pass, passed.PolicyEvaluated.Disposition);
        Assert.Equal(new DkimAuthResult("example.com", "sel2026", DkimResult.Pass, "good signature"), Assert.Single(passed.Dkim));
        Assert.Equal(Disposition.None, tested.PolicyEvaluated.Disposition);
        Assert.Equal(new PolicyOverrideReason(PolicyOverride.PolicyTestMode, "t=y"), Assert.Single(tested.PolicyEvaluated.Reasons));
        Assert.True(string.IsNullOrEmpty(tested.EnvelopeFrom));
        Assert.Equal(new SpfAuthResult("mailer.example.net", SpfScope.MailFrom, SpfResult.Fail, null), Assert.Single(tested.Spf));
        Assert.Empty(report.Errors);
    }

    [Fact]
    public void Testing_n_and_discovery_method_psl_are_read()
    {
        var report = Read.SingleReport(Feedback(policy: Policy(extra: "      <np>none</np>\n      <testing>n</testing>\n      <discovery_method>psl</discovery_method>\n")));

        Assert.False(report.Policy.Testing);
        Assert.Equal(DiscoveryMethod.Psl, report.Policy.DiscoveryMethod);
        Assert.Equal(DomainPolicy.None, report.Policy.Np);
    }

    [Fact]
    public void A_report_before_rfc_9990_has_none_of_its_fields()
    {
        var report = Read.SingleReport(Feedback());

        Assert.Null(report.XmlNamespace);
        Assert.Null(report.Metadata.Generator);
        Assert.Null(report.Policy.Np);
        Assert.Null(report.Policy.Testing);
        Assert.Null(report.Policy.DiscoveryMethod);
    }

    private static string Rfc9990Report(Namespacing namespacing)
    {
        var xml = Feedback(
            rootAttributes: namespacing == Namespacing.Default ? $"xmlns=\"{Rfc9990Namespace}\"" : "",
            metadata: Metadata(
                reportId: "bis-1",
                extra: "      <extra_contact_info lang=\"en\">https://receiver.example/dmarc</extra_contact_info>\n"
                    + "      <generator>Example DMARC Aggregate Reporter v1.2</generator>\n"),
            policy: Policy(adkim: null, aspf: null, p: "quarantine",
                extra: "      <np>reject</np>\n      <testing>y</testing>\n      <discovery_method>treewalk</discovery_method>\n"),
            records:
                "  <extension><ext:note xmlns:ext=\"urn:example:ext\">vendor data</ext:note></extension>\n"
                + Record(disposition: "pass", authResults: DkimAuth("example.com", "sel2026", "pass", "good signature").Replace("<human_result>", "<human_result lang=\"en\">", StringComparison.Ordinal))
                + Record(sourceIp: "203.0.113.9", disposition: "none", dkim: "fail", spf: "fail", envelopeFrom: "",
                    reasons: "        <reason><type>policy_test_mode</type><comment lang=\"en\">t=y</comment></reason>\n",
                    authResults: SpfAuth("mailer.example.net", "mfrom", "fail"),
                    extra: "    <extension><ext:score xmlns:ext=\"urn:example:ext\">0.9</ext:score></extension>\n"));

        if (namespacing != Namespacing.Prefixed)
        {
            return xml;
        }

        // Every element of the report in the namespace through a prefix (extension elements keep their own).
        var prefixed = Regex.Replace(xml, "<(/?)(?!ext:|\\?)([a-z_]+)", "<$1dmarc:$2");
        return prefixed.Replace("<dmarc:feedback>", $"<dmarc:feedback xmlns:dmarc=\"{Rfc9990Namespace}\">", StringComparison.Ordinal);
    }
}
