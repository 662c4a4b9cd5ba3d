using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using static Dmarc.Reports.Tests.Support.Containers;
using static Dmarc.Reports.Tests.Support.ReportXml;

namespace Dmarc.Reports.Tests.Limits;

/// <summary>
/// Hostile input (bombs, deep nesting, entity tricks) must cost bounded time and memory: each ends quickly as
/// <see cref="InvalidReport"/> with a reason that names the problem, and never as an exception.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(5);

    [Fact]
    public void A_gzip_bomb_beyond_the_report_size_limit_is_invalid()
    {
        // 1 GiB of whitespace inside a report, in about 1 MiB of gzip (concatenated gzip members, RFC 1952 2.2).
        var limits = new ReportLimits { MaxReportBytes = 1024 * 1024 };
        var bomb = GzipBomb(
            Utf8(Declaration + "\n<feedback>\n" + Metadata()),
            whitespaceMiB: 1024,
            Utf8(Policy() + Record() + "</feedback>\n"));

        var cost = Cost.OfReading(bomb, limits).Within(Quickly, 16 * Cost.MiB + bomb.Length);

        cost.SingleInvalid("(?i)(MaxReportBytes|expand|too large|larger|exceed|bomb)");
    }

    [Fact]
    public void A_zip_with_more_entries_than_allowed_is_invalid()
    {
        var limits = new ReportLimits { MaxArchiveEntries = 3 };
        var entries = Enumerable.Range(1, 10)
            .Select(i => ($"report-{i}.xml", Utf8(Feedback(metadata: Metadata(reportId: $"entry-{i}")))))
            .ToArray();

        var outcomes = Read.All(Zip(entries), limits);

        var invalid = Assert.Single(outcomes.OfType<InvalidReport>());
        Assert.Matches("(?i)(MaxArchiveEntries|entries)", invalid.Reason);
        Assert.True(outcomes.OfType<AggregateReportParsed>().Count() <= limits.MaxArchiveEntries);
    }

    [Fact]
    public void Containers_nested_deeper_than_allowed_are_invalid()
    {
        var limits = new ReportLimits { MaxContainerDepth = 3 };
        var nested = Utf8(Feedback());
        for (var i = 0; i < 8; i++)
        {
            nested = Gzip(nested);
        }

        var invalid = Read.Single<InvalidReport>(Read.All(nested, limits));

        Assert.Matches("(?i)(MaxContainerDepth|nest|deep)", invalid.Reason);
    }

    [Fact]
    public void A_zip_in_a_zip_in_a_mail_counts_every_container_level()
    {
        var limits = new ReportLimits { MaxContainerDepth = 2 };
        var zipInZip = Zip(("inner.zip", Zip(("r.xml.gz", Gzip(Utf8(Feedback()))))));
        var mail = MailText.Mixed(MailText.Base64Attachment("application/zip", "outer.zip", zipInZip));

        var invalid = Read.Single<InvalidReport>(Read.All(MailText.Lf(mail), limits));

        Assert.Matches("(?i)(MaxContainerDepth|nest|deep)", invalid.Reason);
    }

    [Fact]
    public void Elements_nested_deeper_than_allowed_are_invalid()
    {
        var limits = new ReportLimits { MaxXmlDepth = 16 };
        var deep = string.Concat(Enumerable.Repeat("<x>", 5000)) + string.Concat(Enumerable.Repeat("</x>", 5000));
        var xml = Feedback(records: Record(extra: "    <extension>" + deep + "</extension>\n"));

        var (outcomes, elapsed) = Timed(() => Read.All(xml, limits));

        var invalid = Read.Single<InvalidReport>(outcomes);
        Assert.Matches("(?i)(MaxXmlDepth|depth|deep|nest)", invalid.Reason);
        Assert.True(elapsed < Quickly, $"took {elapsed}");
    }

    [Fact]
    public void A_billion_laughs_dtd_is_invalid()
    {
        var entities = new StringBuilder("<!DOCTYPE feedback [\n  <!ENTITY lol \"lol\">\n");
        for (var i = 1; i <= 9; i++)
        {
            var previous = i == 1 ? "lol" : $"lol{i - 1}";
            entities.Append($"  <!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&{previous};", 10))}\">\n");
        }

        entities.Append("]>\n");
        var xml = Feedback(declaration: Declaration + "\n" + entities, metadata: Metadata(orgName: "&lol9;"));

        var (outcomes, elapsed) = Timed(() => Read.All(xml));

        var invalid = Read.Single<InvalidReport>(outcomes);
        Assert.Matches("(?i)(DTD|DOCTYPE|entit)", invalid.Reason);
        Assert.DoesNotContain("lollollol", invalid.Reason, StringComparison.Ordinal);
        Assert.True(elapsed < Quickly, $"took {elapsed}");
    }

    [Fact]
    public void An_external_entity_is_invalid_and_never_read()
    {
        var secret = Path.Combine(Path.GetTempPath(), $"dmarc-xxe-{Guid.NewGuid():N}.txt");
        File.WriteAllText(secret, "TOP-SECRET-CONTENT");
        try
        {
            var xml = Feedback(
                declaration: Declaration + $"\n<!DOCTYPE feedback [ <!ENTITY xxe SYSTEM \"file://{secret}\"> ]>",
                metadata: Metadata(orgName: "&xxe;"));

            var outcomes = Read.All(xml);

            var invalid = Read.Single<InvalidReport>(outcomes);
            Assert.Matches("(?i)(DTD|DOCTYPE|entit)", invalid.Reason);
            Assert.DoesNotContain("TOP-SECRET-CONTENT", invalid.Reason, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void An_external_entity_for_etc_passwd_is_invalid()
    {
        var xml = Feedback(
            declaration: Declaration + "\n<!DOCTYPE feedback [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>",
            metadata: Metadata(orgName: "&xxe;"));

        var invalid = Read.Single<InvalidReport>(Read.All(xml));

        Assert.Matches("(?i)(DTD|DOCTYPE|entit)", invalid.Reason);
        Assert.DoesNotContain("root:", invalid.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_input_larger_than_allowed_is_invalid()
    {
        var limits = new ReportLimits { MaxInputBytes = 10_000 };

        var invalid = Read.Single<InvalidReport>(Read.All(Feedback(records: Records(100)), limits));

        Assert.Matches("(?i)(MaxInputBytes|too large|larger|exceed)", invalid.Reason);
    }

    [Theory]
    [InlineData("17000927990092799", "1700092799")]
    [InlineData("1700006400", "-99999999999999")]
    [InlineData("253402300800", "253402300800")]
    public void A_date_range_beyond_the_years_1_to_9999_is_invalid(string begin, string end)
    {
        // Found by the fuzzer: such a number is a number, but no time; it was an exception.
        var invalid = Read.Single<InvalidReport>(Read.All(Feedback(metadata: Metadata(begin: begin, end: end))));

        Assert.Contains("is not a time", invalid.Reason, StringComparison.Ordinal);
    }

    private static (IReadOnlyList<ReportOutcome> Outcomes, TimeSpan Elapsed) Timed(Func<IReadOnlyList<ReportOutcome>> read)
    {
        var clock = Stopwatch.StartNew();
        var outcomes = read();
        return (outcomes, clock.Elapsed);
    }

    /// <summary><paramref name="head"/>, many MiB of spaces and <paramref name="tail"/>, as concatenated gzip members.</summary>
    private static byte[] GzipBomb(byte[] head, int whitespaceMiB, byte[] tail)
    {
        var spaces = new byte[1024 * 1024];
        Array.Fill(spaces, (byte)' ');
        var member = Gzip(spaces);
        using var bomb = new MemoryStream();
        bomb.Write(Gzip(head));
        for (var i = 0; i < whitespaceMiB; i++)
        {
            bomb.Write(member);
        }

        using (var last = new GZipStream(bomb, CompressionLevel.Optimal, leaveOpen: true))
        {
            last.Write(tail);
        }

        return bomb.ToArray();
    }
}
