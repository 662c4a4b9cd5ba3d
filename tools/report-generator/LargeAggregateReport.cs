namespace Dmarc.ReportGenerator;

/// <summary>
/// The report a large receiver sends for a busy domain: one day, Microsoft-style (with <c>envelope_to</c>),
/// <see cref="SyntheticTraffic.TypicalMix"/> of streams. About 710 bytes per record: 100,000 records ≈ 71 MB.
/// </summary>
public static class LargeAggregateReport
{
    public static AggregateReportHeader Header(long seed) => AggregateReportHeader.Daily(
        Reporter.Outlook, new PublishedPolicy("example.com", P: "quarantine", Sp: "none"), new DateOnly(2026, 3, 2), seed);

    public static void Write(Stream output, int records, long seed = 1)
    {
        var header = Header(seed);
        AggregateReportWriter.Write(output, header, new SyntheticTraffic(header, seed).Mixed(records));
    }

    public static byte[] ToBytes(int records, long seed = 1)
    {
        using var buffer = new MemoryStream();
        Write(buffer, records, seed);
        return buffer.ToArray();
    }

    public static void WriteFile(string path, int records, long seed = 1)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Write(file, records, seed);
    }
}
