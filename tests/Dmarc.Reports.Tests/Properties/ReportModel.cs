using System.Globalization;
using System.Net;
using System.Security;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Dmarc.Reports.Tests.Properties;

/// <summary>One generated record: the values a reporter writes, in the forms the reader gives back.</summary>
internal sealed record RecordModel(
    string SourceIp,
    long Count,
    Disposition Disposition,
    DmarcVerdict Dkim,
    DmarcVerdict Spf,
    string HeaderFrom,
    string? EnvelopeFrom,
    IReadOnlyList<(string Domain, string? Selector, DkimResult Result)> DkimResults,
    IReadOnlyList<(string Domain, SpfScope Scope, SpfResult Result)> SpfResults);

/// <summary>
/// A generated aggregate report with arbitrary records, written as XML by <see cref="ToXml"/> and compared with
/// what the reader gives back by <see cref="AssertReadAs"/>.
/// </summary>
internal sealed record ReportModel(string OrgName, string ReportId, long Begin, long End, string Domain, IReadOnlyList<RecordModel> Records)
{
    private static readonly string[] Labels = ["example", "mail", "b\u00FCcher", "xn--bcher-kva", "a-b", "x1", "esp", "lists"];
    private static readonly string[] Tlds = ["com", "org", "net", "example", "de"];

    public static Gen<ReportModel> Generator =>
        from orgName in Text
        from reportId in Text
        from begin in Gen.Choose(0, int.MaxValue)
        from length in Gen.Choose(0, 7 * 86_400)
        from domain in Domains
        from records in RecordGenerator.ListOf().Select(r => r.Take(40).ToArray())
        select new ReportModel(orgName, reportId, begin, (long)begin + length, domain, records);

    public static Gen<RecordModel> RecordGenerator =>
        from ip in SourceIps
        from count in Gen.Choose(0, int.MaxValue).Select(c => (long)c)
        from disposition in Gen.Elements(Disposition.None, Disposition.Quarantine, Disposition.Reject)
        from dkim in Gen.Elements(DmarcVerdict.Pass, DmarcVerdict.Fail)
        from spf in Gen.Elements(DmarcVerdict.Pass, DmarcVerdict.Fail)
        from headerFrom in Domains
        from envelopeFrom in Gen.OneOf(Domains.Select(d => (string?)d), Gen.Constant<string?>(null))
        from dkimResults in DkimResult.ListOf().Select(r => r.Take(3).ToArray())
        from spfResults in SpfResult.ListOf().Select(r => r.Take(2).ToArray())
        select new RecordModel(ip, count, disposition, dkim, spf, headerFrom, envelopeFrom, dkimResults, spfResults);

    private static Gen<string> Domains =>
        from labels in Gen.Elements(Labels).ArrayOf().Select(l => l.Take(3))
        from tld in Gen.Elements(Tlds)
        select string.Join('.', labels.Append(tld));

    /// <summary>Text with the characters XML must escape, non-ASCII letters and an emoji; never blank.</summary>
    private static Gen<string> Text =>
        Gen.Elements("a", "Z", "0", " ", "&", "<", ">", "\"", "'", "\u00E4", "\u65E5", "\U0001F600", "-", "@", ".")
            .ArrayOf()
            .Select(pieces => "r" + string.Concat(pieces.Take(30)) + "x");

    private static Gen<string> SourceIps => Gen.OneOf(
        from a in Gen.Choose(0, 255) from b in Gen.Choose(0, 255) from c in Gen.Choose(0, 255) from d in Gen.Choose(0, 255)
        select $"{a}.{b}.{c}.{d}",
        from words in Gen.Choose(0, 0xFFFF).ArrayOf(8)
        select new IPAddress([.. words.SelectMany(w => new[] { (byte)(w >> 8), (byte)w })]).ToString());

    private static Gen<(string, string?, DkimResult)> DkimResult =>
        from domain in Domains
        from selector in Gen.Elements<string?>("s1", "google", "selector-2024", null)
        from result in Gen.Elements(Aggregate.DkimResult.Pass, Aggregate.DkimResult.Fail, Aggregate.DkimResult.Neutral,
            Aggregate.DkimResult.None, Aggregate.DkimResult.Policy, Aggregate.DkimResult.TempError, Aggregate.DkimResult.PermError)
        select (domain, selector, result);

    private static Gen<(string, SpfScope, SpfResult)> SpfResult =>
        from domain in Domains
        from scope in Gen.Elements(SpfScope.MailFrom, SpfScope.Helo)
        from result in Gen.Elements(Aggregate.SpfResult.Pass, Aggregate.SpfResult.Fail, Aggregate.SpfResult.SoftFail,
            Aggregate.SpfResult.Neutral, Aggregate.SpfResult.None, Aggregate.SpfResult.TempError, Aggregate.SpfResult.PermError)
        select (domain, scope, result);

    public string ToXml()
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feedback>\n  <version>1.0</version>\n  <report_metadata>\n");
        xml.Append($"    <org_name>{SecurityElement.Escape(OrgName)}</org_name>\n    <email>dmarc@reporter.example</email>\n");
        xml.Append($"    <report_id>{SecurityElement.Escape(ReportId)}</report_id>\n");
        xml.Append(CultureInfo.InvariantCulture, $"    <date_range><begin>{Begin}</begin><end>{End}</end></date_range>\n  </report_metadata>\n");
        xml.Append($"  <policy_published><domain>{Domain}</domain><adkim>r</adkim><aspf>r</aspf><p>none</p></policy_published>\n");
        foreach (var record in Records)
        {
            xml.Append($"  <record>\n    <row><source_ip>{record.SourceIp}</source_ip>");
            xml.Append(CultureInfo.InvariantCulture, $"<count>{record.Count}</count>");
            xml.Append($"<policy_evaluated><disposition>{Token(record.Disposition)}</disposition><dkim>{Token(record.Dkim)}</dkim>");
            xml.Append($"<spf>{Token(record.Spf)}</spf></policy_evaluated></row>\n    <identifiers>");
            if (record.EnvelopeFrom is { } envelopeFrom)
            {
                xml.Append($"<envelope_from>{envelopeFrom}</envelope_from>");
            }

            xml.Append($"<header_from>{record.HeaderFrom}</header_from></identifiers>\n    <auth_results>");
            foreach (var (domain, selector, result) in record.DkimResults)
            {
                xml.Append($"<dkim><domain>{domain}</domain>{(selector is null ? "" : $"<selector>{selector}</selector>")}<result>{Token(result)}</result></dkim>");
            }

            foreach (var (domain, scope, result) in record.SpfResults)
            {
                xml.Append($"<spf><domain>{domain}</domain><scope>{(scope == SpfScope.Helo ? "helo" : "mfrom")}</scope><result>{Token(result)}</result></spf>");
            }

            xml.Append("</auth_results>\n  </record>\n");
        }

        return xml.Append("</feedback>\n").ToString();
    }

    public byte[] ToUtf8() => Encoding.UTF8.GetBytes(ToXml());

    /// <summary>Fails unless <paramref name="report"/> holds exactly this report's values and records.</summary>
    public void AssertReadAs(AggregateReport report)
    {
        Assert.Empty(report.Errors);
        Assert.Equal(OrgName, report.Metadata.OrgName);
        Assert.Equal(ReportId, report.Metadata.ReportId);
        Assert.Equal(ReportPeriod.FromUnixSeconds(Begin, End), report.Metadata.Period);
        Assert.Equal(Domain, report.Policy.Domain);
        Assert.Equal(Records.Count, report.RecordCount);
        Assert.Equal(Records.Count, report.Records.Count);
        foreach (var (expected, actual) in Records.Zip(report.Records))
        {
            Assert.Equal(expected.SourceIp, actual.SourceIp);
            Assert.Equal(expected.Count, actual.Count);
            Assert.Equal(expected.Disposition, actual.PolicyEvaluated.Disposition);
            Assert.Equal(expected.Dkim, actual.PolicyEvaluated.Dkim);
            Assert.Equal(expected.Spf, actual.PolicyEvaluated.Spf);
            Assert.Equal(expected.HeaderFrom, actual.HeaderFrom);
            Assert.Equal(expected.EnvelopeFrom, actual.EnvelopeFrom);
            Assert.Equal(expected.DkimResults, actual.Dkim.Select(d => (d.Domain, d.Selector, d.Result)));
            Assert.Equal(expected.SpfResults, actual.Spf.Select(s => (s.Domain, s.Scope, s.Result)));
        }
    }

    private static string Token<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
