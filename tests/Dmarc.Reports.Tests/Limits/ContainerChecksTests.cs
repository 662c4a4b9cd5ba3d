using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Dmarc.Reports.Input;
using static Dmarc.Reports.Tests.Support.Containers;

namespace Dmarc.Reports.Tests.Limits;

/// <summary>
/// The pieces that tell a whole container from a cut or lying one, and keep big parts out of memory: the CRC-32 of
/// zip entries, the end check of gzip and zlib streams, the spool of decoded parts, undeclared base64, part names.
/// </summary>
public sealed class ContainerChecksTests
{
    [Fact]
    public void Crc32_gives_the_check_value_of_its_standard()
    {
        // The "check" value of CRC-32/ISO-HDLC (the CRC of gzip and zip) for the nine ASCII digits.
        Assert.Equal(0xCBF43926u, Crc32.Append(0, "123456789"u8));
        Assert.Equal(0u, Crc32.Append(0, []));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(1000)]
    [InlineData(65_537)]
    public void Crc32_agrees_with_the_crc_a_zip_archive_writes_and_can_be_continued(int length)
    {
        var content = RandomNumberGenerator.GetBytes(length);
        using var archive = new ZipArchive(new MemoryStream(Zip(("x", content))));
        var half = length / 2;

        Assert.Equal(archive.Entries[0].Crc32, Crc32.Append(0, content));
        Assert.Equal(archive.Entries[0].Crc32, Crc32.Append(Crc32.Append(0, content.AsSpan(0, half)), content.AsSpan(half)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(100_000)]
    public void A_whole_gzip_reads_whole_even_one_byte_at_a_time(int length)
    {
        var content = RandomNumberGenerator.GetBytes(length);

        using var whole = WholeDecompression.Gzip(new MemoryStream(Gzip(content)));
        var read = new MemoryStream();
        var one = new byte[1];
        while (whole.Read(one) == 1)
        {
            read.WriteByte(one[0]);
        }

        Assert.Equal(content, read.ToArray());
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("garbage after the end")]
    public void A_whole_gzip_followed_by_other_bytes_reads_whole(string trailing)
    {
        var content = Encoding.ASCII.GetBytes("report");

        using var whole = WholeDecompression.Gzip(new MemoryStream([.. Gzip(content), .. Encoding.ASCII.GetBytes(trailing)]));

        Assert.Equal(content, ReadAll(whole));
    }

    [Fact]
    public void A_cut_gzip_gives_what_it_holds_then_throws_at_its_end()
    {
        var gzip = Gzip(RandomNumberGenerator.GetBytes(10_000));

        using var cut = WholeDecompression.Gzip(new MemoryStream(gzip[..^4]));

        var thrown = Assert.Throws<BrokenContainerException>(() => ReadAll(cut));
        Assert.Contains("gzip stream is truncated", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zlib_stream_is_whole_only_with_its_end()
    {
        var content = RandomNumberGenerator.GetBytes(10_000);
        var zlib = Zlib(content);

        using (var whole = WholeDecompression.Zlib(new MemoryStream(zlib)))
        {
            Assert.Equal(content, ReadAll(whole));
        }

        using var cut = WholeDecompression.Zlib(new MemoryStream(zlib[..^1]));
        Assert.Throws<BrokenContainerException>(() => ReadAll(cut));
    }

    [Fact]
    public void A_spool_gives_back_every_byte_in_memory_and_past_its_memory_size()
    {
        var content = RandomNumberGenerator.GetBytes(100_000);
        using var spool = new Spool(memoryBytes: 30_000);
        for (var at = 0; at < content.Length; at += 7_000)
        {
            spool.Write(content.AsSpan(at, Math.Min(7_000, content.Length - at)));
        }

        Assert.Equal(content.Length, spool.Length);
        Assert.Equal(content, ReadAll(spool.Open()));
        Assert.Equal(content, ReadAll(spool.Open()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(49_151)]
    [InlineData(200_000)]
    public void Undeclared_base64_is_decoded_across_chunks_with_its_padding(int length)
    {
        // Lengths that end in one or two padding characters, and text much longer than one 64 KiB chunk.
        var content = RandomNumberGenerator.GetBytes(length);
        using var text = new Spool();
        text.Write(Encoding.ASCII.GetBytes(Base64Lines(content)));

        using var decoded = UndeclaredBase64.Decode(text);

        Assert.NotNull(decoded);
        Assert.Equal(content, ReadAll(decoded.Open()));
    }

    [Theory]
    [InlineData("QUJD=QUJD")]
    [InlineData("QUJDR")]
    [InlineData("QU=D")]
    public void Text_that_is_not_base64_after_all_is_not_decoded(string text)
    {
        using var spool = new Spool();
        spool.Write(Encoding.ASCII.GetBytes(text));

        Assert.Null(UndeclaredBase64.Decode(spool));
    }

    [Theory]
    [InlineData("report.xml", "report.xml")]
    [InlineData("dir/report.xml", "dir/report.xml")]
    [InlineData("../../etc/passwd", "etc/passwd")]
    [InlineData("..\\..\\boot.ini", "boot.ini")]
    [InlineData("/./a//b/./", "a/b")]
    [InlineData("a\r\nb\u0000c\u001Bd\u202Ee\u200Bf", "abcdef")]
    [InlineData("\U0001F600.xml", "\U0001F600.xml")]
    [InlineData("..", "fallback")]
    [InlineData("", "fallback")]
    public void A_part_name_is_printable_and_climbs_no_path(string name, string expected) =>
        Assert.Equal(expected, Names.PartName(name, "fallback"));

    [Fact]
    public void Lone_surrogates_are_left_out_of_a_part_name()
    {
        // Built here: test data with lone surrogates does not survive xunit's serialisation.
        var name = new string(['\uD800', 'x', '\uDC00', 'y', '\uD83D', '\uDE00']);

        Assert.Equal("xy\U0001F600", Names.PartName(name, "fallback"));
    }

    [Fact]
    public void A_long_part_name_is_cut_to_200_characters_without_splitting_a_character()
    {
        var name = new string('a', 199) + "\U0001F600" + new string('b', 50);

        var cut = Names.PartName(name, "fallback");

        Assert.Equal(new string('a', 199), cut);
        Assert.Equal(200, Names.PartName(new string('c', 500), "fallback").Length);
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
