namespace Dmarc.Reports.Tests.Limits;

/// <summary>
/// Megabytes of random bytes, bare or behind the first bytes of each kind of content (so that they reach the gzip,
/// zip, zlib, XML and mail readers): typed outcomes, every promise kept, in bounded time and memory. Small random
/// inputs in great number are the business of the FsCheck properties and the fuzzer.
/// </summary>
public sealed class RandomBytesTests
{
    public static TheoryData<string, int> Starts() => new()
    {
        { "", 1 },
        { "\u001F\u008B\b\0\0\0\0\0\0\u00FF", 2 },
        { "PK\u0003\u0004", 3 },
        { "x\u009C", 4 },
        { "<?xml version=\"1.0\"?>\n<feedback>", 5 },
        { "From a@b Thu Nov 16 04:12:09 2023\n", 6 },
        { "Subject: r\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: application/gzip\nContent-Transfer-Encoding: base64\n\n", 7 },
    };

    [Theory]
    [MemberData(nameof(Starts))]
    public void Four_megabytes_of_random_bytes_end_typed_in_bounded_time_and_memory(string start, int seed)
    {
        var random = new byte[4 * Cost.MiB];
        new Random(seed).NextBytes(random);
        var input = (byte[])[.. System.Text.Encoding.Latin1.GetBytes(start), .. random];

        var cost = Cost.OfReading(input).Within(Cost.Seconds10, 64 * Cost.MiB);

        Assert.All(cost.Outcomes, outcome => Assert.IsNotType<AggregateReportParsed>(outcome));
        ReaderPromises.ReadAndCheck(input);
    }
}
