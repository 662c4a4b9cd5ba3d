using FsCheck;
using FsCheck.Fluent;
using Dmarc.Reports.Tests.Limits;

namespace Dmarc.Reports.Tests.Properties;

/// <summary>
/// A valid report, packed in any container, then cut at any point or damaged anywhere: the reader never throws,
/// always keeps its promises, and never reads a cut gzip, zlib or zip as a report.
/// </summary>
public sealed class BrokenInputProperties
{
    private static Gen<(ReportModel Model, string Packing, byte[] Packed)> Packed =>
        from model in ReportModel.Generator
        from packing in Gen.Elements(Packing.All)
        select (model, packing.Name, packing.Pack(model.ToUtf8()));

    [Fact]
    public void Cutting_a_packed_report_anywhere_never_throws_and_a_cut_container_is_never_a_report()
    {
        var cuts = from packed in Packed
                   from at in Gen.Choose(0, packed.Packed.Length - 1)
                   select (packed.Packing, Cut: packed.Packed[..at]);

        Checks.Hold(Prop.ForAll(cuts.ToArbitrary(), c =>
        {
            var sink = ReaderPromises.ReadAndCheck(c.Cut);

            if (Packing.Framed.Contains(c.Packing))
            {
                Assert.DoesNotContain(sink.Outcomes, o => o is AggregateReportParsed);
            }
        }), cases: 400);
    }

    [Fact]
    public void A_framed_container_cut_after_its_magic_is_invalid_because_truncated()
    {
        var cuts = from model in ReportModel.Generator
                   from packing in Gen.Elements(Packing.All.Where(p => Packing.Framed.Contains(p.Name)).ToArray())
                   let packed = packing.Pack(model.ToUtf8())
                   from at in Gen.Choose(4, packed.Length - 1)
                   select (packing.Name, Cut: packed[..at]);

        Checks.Hold(Prop.ForAll(cuts.ToArbitrary(), c =>
        {
            var invalid = Read.Single<InvalidReport>(new ReportReader().ReadAll(c.Cut, Read.Source, TestContext.Current.CancellationToken));
            Assert.Contains("truncated", invalid.Reason, StringComparison.Ordinal);
        }), cases: 300);
    }

    [Fact]
    public void Damaging_bytes_of_a_packed_report_never_throws()
    {
        var damaged = from packed in Packed
                      from changes in Gen.Choose(1, 8)
                      from positions in Gen.Choose(0, packed.Packed.Length - 1).ArrayOf(changes)
                      from values in Gen.Choose(0, 255).ArrayOf(changes)
                      select Damage(packed.Packed, positions, values);

        Checks.Hold(Prop.ForAll(damaged.ToArbitrary(), bytes => ReaderPromises.ReadAndCheck(bytes)), cases: 400);
    }

    [Fact]
    public void Inserting_or_removing_a_run_of_bytes_in_a_packed_report_never_throws()
    {
        var spliced = from packed in Packed
                      from at in Gen.Choose(0, packed.Packed.Length)
                      from removed in Gen.Choose(0, Math.Min(64, packed.Packed.Length - at))
                      from inserted in ArbMap.Default.GeneratorFor<byte[]>()
                      select (byte[])[.. packed.Packed[..at], .. inserted, .. packed.Packed[(at + removed)..]];

        Checks.Hold(Prop.ForAll(spliced.ToArbitrary(), bytes => ReaderPromises.ReadAndCheck(bytes)), cases: 200);
    }

    private static byte[] Damage(byte[] packed, int[] positions, int[] values)
    {
        var damaged = (byte[])packed.Clone();
        for (var i = 0; i < positions.Length; i++)
        {
            damaged[positions[i]] = (byte)values[i];
        }

        return damaged;
    }
}
