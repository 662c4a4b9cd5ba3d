using System.Security.Cryptography;
using FsCheck.Fluent;
using Dmarc.Reports.Tests.Limits;

namespace Dmarc.Reports.Tests.Properties;

/// <summary>
/// A generated report with arbitrary records reads back as exactly that report, plain or packed in any container:
/// the same values, the same records in order, and the payload hash of the same XML.
/// </summary>
public sealed class RoundTripProperties
{
    [Fact]
    public void A_generated_report_reads_back_as_itself_in_every_packing()
    {
        var cases = from model in ReportModel.Generator
                    from packing in Gen.Elements(Packing.All)
                    select (model, packing);

        Checks.Hold(Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (model, (name, pack)) = c;
            var xml = model.ToUtf8();

            var outcomes = new ReportReader().ReadAll(pack(xml), Read.Source, TestContext.Current.CancellationToken);

            // An mbox ends each mail in its own outcome: the one without a report is a non-report.
            var parsed = Assert.Single(outcomes.OfType<AggregateReportParsed>());
            Assert.All(outcomes.Where(o => o != parsed), o => Assert.IsType<NotAReport>(o));
            model.AssertReadAs(parsed.Report);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(xml)), parsed.Report.PayloadSha256);
            Assert.True(parsed.Part is null || ReaderPromises.IsSafePartName(parsed.Part), $"{name}: part {parsed.Part}");
        }), cases: 150);
    }

    [Fact]
    public void Streaming_hands_out_the_records_in_order_before_the_report_outcome()
    {
        Checks.Hold(Prop.ForAll(ReportModel.Generator.ToArbitrary(), model =>
        {
            var sink = ReaderPromises.ReadAndCheck(Support.Containers.Gzip(model.ToUtf8()));

            var records = sink.Events.OfType<AggregateRecord>().ToList();
            Assert.Equal(model.Records.Select(r => (r.SourceIp, r.Count)), records.Select(r => (r.SourceIp, r.Count)));
            Assert.IsType<AggregateReportParsed>(sink.Events[^1]);
        }), cases: 100);
    }
}
