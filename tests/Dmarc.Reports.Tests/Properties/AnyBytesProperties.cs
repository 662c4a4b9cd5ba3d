using FsCheck;
using FsCheck.Fluent;
using Dmarc.Reports.Tests.Limits;

namespace Dmarc.Reports.Tests.Properties;

/// <summary>
/// Any bytes at all, and bytes that start like each kind of content the reader recognises (so that they reach the
/// gzip, zip, zlib, XML and mail paths and break there): the reader ends them in typed outcomes and keeps its promises.
/// </summary>
public sealed class AnyBytesProperties
{
    private static readonly byte[][] Starts =
    [
        [],
        [0x1F, 0x8B],
        [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0, 0xFF],
        "PK\u0003\u0004"u8.ToArray(),
        [0x78, 0x9C],
        [0x78, 0x01],
        "<?xml version=\"1.0\"?><feedback>"u8.ToArray(),
        "<feedback><report_metadata><org_name>"u8.ToArray(),
        "<feedback><record><row><source_ip>"u8.ToArray(),
        "From a@b Thu Nov 16 04:12:09 2023\n"u8.ToArray(),
        "Subject: r\nContent-Type: multipart/mixed; boundary=b\n\n--b\n"u8.ToArray(),
        "Content-Type: application/gzip\nContent-Transfer-Encoding: base64\n\n"u8.ToArray(),
        [0xEF, 0xBB, 0xBF, (byte)'<'],
        [0xFF, 0xFE, (byte)'<', 0],
        "{\"organization-name\":"u8.ToArray(),
    ];

    private static Gen<byte[]> Bytes => ArbMap.Default.GeneratorFor<byte[]>();

    [Fact]
    public void Any_bytes_end_in_outcomes_that_keep_every_promise() =>
        Checks.Hold(Prop.ForAll(Bytes.ToArbitrary(), bytes => ReaderPromises.ReadAndCheck(bytes)), cases: 300);

    [Fact]
    public void Bytes_that_start_like_each_kind_of_content_end_in_outcomes_that_keep_every_promise()
    {
        var inputs = from start in Gen.Elements(Starts)
                     from rest in Bytes
                     select (byte[])[.. start, .. rest];

        Checks.Hold(Prop.ForAll(inputs.ToArbitrary(), bytes => ReaderPromises.ReadAndCheck(bytes)), cases: 500);
    }
}
