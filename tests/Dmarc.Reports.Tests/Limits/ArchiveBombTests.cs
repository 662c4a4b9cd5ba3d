using System.Buffers.Binary;
using System.IO.Compression;
using static Dmarc.Reports.Tests.Support.Containers;
using static Dmarc.Reports.Tests.Support.ReportXml;

namespace Dmarc.Reports.Tests.Limits;

/// <summary>
/// Archives made to cost or to lie: small inputs that expand enormously, bombs nested in bombs, archives of a hundred
/// thousand entries, zip entries whose directory lies about their size or checksum. Each ends in a typed outcome, in
/// bounded time and memory, never as a report read from a part of what was sent.
/// </summary>
public sealed class ArchiveBombTests
{
    private static readonly ReportLimits Small = new()
    {
        MaxReportBytes = 16 * Cost.MiB,
        MaxTotalDecompressedBytes = 64 * Cost.MiB,
    };

    [Fact]
    public void A_zlib_bomb_is_invalid()
    {
        var bomb = Zlib(new byte[256 * Cost.MiB]);

        var cost = Cost.OfReading(bomb, Small with { MaxReportBytes = 1024 * 1024 * 1024 }).Within(Cost.Seconds10, 32 * Cost.MiB);

        Assert.True(bomb.Length < Cost.MiB, $"the bomb is {bomb.Length} bytes");
        // Zeros are not a report: the sniffer reads 4 KiB of them and stops, whatever they would expand to.
        Assert.IsType<NotAReport>(Assert.Single(cost.Outcomes));
    }

    [Fact]
    public void A_zip_entry_that_expands_beyond_the_report_size_limit_is_invalid()
    {
        var padded = new byte[64 * Cost.MiB];
        Array.Fill(padded, (byte)' ');
        Utf8(Declaration + "\n<feedback>\n" + Metadata()).CopyTo(padded, 0);
        var bomb = Zip(("report.xml", padded));

        var cost = Cost.OfReading(bomb, Small).Within(Cost.Seconds10, 32 * Cost.MiB);

        Assert.True(bomb.Length < Cost.MiB, $"the bomb is {bomb.Length} bytes");
        cost.SingleInvalid("MaxReportBytes");
    }

    [Fact]
    public void Nested_archives_of_reports_stop_at_the_total_decompression_budget()
    {
        // 16 zips of 16 gzip'd reports, each padded to 4 MiB: 1 GiB in all, in a few hundred KB.
        var leaf = Gzip(PaddedReport(4 * (int)Cost.MiB));
        var inner = ZipStored(Enumerable.Range(0, 16).Select(i => ($"r{i}.xml.gz", leaf)));
        var bomb = ZipStored(Enumerable.Range(0, 16).Select(i => ($"inner{i}.zip", inner)));

        var cost = Cost.OfReading(bomb, Small).Within(Cost.Seconds10, 32 * Cost.MiB);

        var parsed = cost.Outcomes.OfType<AggregateReportParsed>().Count();
        Assert.True(parsed * 4 * Cost.MiB <= Small.MaxTotalDecompressedBytes, $"{parsed} reports of 4 MiB were read");
        var invalid = cost.Outcomes.OfType<InvalidReport>().ToList();
        Assert.NotEmpty(invalid);
        Assert.All(invalid, i => Assert.Matches("MaxTotalDecompressedBytes", i.Reason));
    }

    [Fact]
    public void Nested_archives_of_zeros_cost_only_what_is_looked_at()
    {
        // The classic nested bomb: nothing in it is a report, so each leaf costs a 4 KiB look.
        var leaf = new byte[8 * Cost.MiB];
        var inner = Zip([.. Enumerable.Range(0, 16).Select(i => ($"z{i}.bin", leaf))]);
        var bomb = ZipStored(Enumerable.Range(0, 16).Select(i => ($"inner{i}.zip", inner)));

        var cost = Cost.OfReading(bomb).Within(Cost.Seconds10, 32 * Cost.MiB);

        Assert.IsType<NotAReport>(Assert.Single(cost.Outcomes));
    }

    [Fact]
    public void A_zip_of_a_hundred_thousand_entries_is_invalid_before_its_directory_is_loaded()
    {
        var zip = ZipBytes.EmptyEntries(100_000);

        var cost = Cost.OfReading(zip).Within(Cost.Seconds10, 4 * Cost.MiB);

        cost.SingleInvalid("MaxArchiveEntries");
    }

    [Fact]
    public void A_zip_whose_end_record_understates_its_entries_is_invalid_before_its_directory_is_loaded()
    {
        var zip = ZipBytes.EmptyEntries(100_000, declaredCount: 1);

        var cost = Cost.OfReading(zip).Within(Cost.Seconds10, 4 * Cost.MiB);

        cost.SingleInvalid("MaxArchiveEntries");
    }

    [Theory]
    [InlineData(24, 1000u)]     // uncompressed size: 1000 bytes instead of all
    [InlineData(20, 1000u)]     // compressed size: the deflate data stops early
    [InlineData(16, 12345u)]    // CRC-32 of something else
    public void A_zip_entry_whose_directory_lies_about_its_size_or_crc_is_invalid(int field, uint lie)
    {
        var zip = Zip(("report.xml", Utf8(Feedback(records: Records(300)))));
        BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(ZipBytes.DirectoryRecord(zip) + field), lie);

        var invalid = Read.Single<InvalidReport>(Read.All(zip));

        Assert.Contains("cut short or corrupt", invalid.Reason, StringComparison.Ordinal);
        Assert.Contains("report.xml", invalid.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_entry_whose_directory_overstates_its_size_is_read_when_its_crc_holds()
    {
        var zip = Zip(("report.xml", Utf8(Feedback(records: Records(3)))));
        BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(ZipBytes.DirectoryRecord(zip) + 24), 2_000_000_000);

        var report = Read.SingleReport(zip);

        Assert.Equal(3, report.RecordCount);
    }

    private static byte[] PaddedReport(int size)
    {
        var head = Utf8(Declaration + "\n<feedback>\n" + Metadata() + Policy() + Record());
        var tail = Utf8("</feedback>\n");
        var report = new byte[size];
        Array.Fill(report, (byte)' ');
        head.CopyTo(report, 0);
        tail.CopyTo(report, size - tail.Length);
        return report;
    }

    /// <summary>A zip whose entries are stored as they are (already compressed content, or archives).</summary>
    private static byte[] ZipStored(IEnumerable<(string Name, byte[] Content)> entries)
    {
        using var packed = new MemoryStream();
        using (var zip = new ZipArchive(packed, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
                entry.Write(content);
            }
        }

        return packed.ToArray();
    }
}
