using System.Buffers.Binary;
using System.Text;

namespace Dmarc.Reports.Tests.Limits;

/// <summary>
/// Zip archives written byte by byte, for the shapes <c>ZipArchive</c> will not write: a hundred thousand empty
/// entries, or a directory that lies about how many entries follow. Entries are empty and stored (CRC 0).
/// </summary>
internal static class ZipBytes
{
    public static byte[] EmptyEntries(int count, int? declaredCount = null)
    {
        using var zip = new MemoryStream();
        var offsets = new long[count];
        Span<byte> local = stackalloc byte[30];
        Span<byte> central = stackalloc byte[46];
        for (var i = 0; i < count; i++)
        {
            offsets[i] = zip.Position;
            var name = Name(i);
            local.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(local, 0x04034B50);
            BinaryPrimitives.WriteUInt16LittleEndian(local[4..], 20);
            BinaryPrimitives.WriteUInt16LittleEndian(local[26..], (ushort)name.Length);
            zip.Write(local);
            zip.Write(name);
        }

        var directoryStart = zip.Position;
        for (var i = 0; i < count; i++)
        {
            var name = Name(i);
            central.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(central, 0x02014B50);
            BinaryPrimitives.WriteUInt16LittleEndian(central[4..], 20);
            BinaryPrimitives.WriteUInt16LittleEndian(central[6..], 20);
            BinaryPrimitives.WriteUInt16LittleEndian(central[28..], (ushort)name.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(central[42..], (uint)offsets[i]);
            zip.Write(central);
            zip.Write(name);
        }

        var directorySize = zip.Position - directoryStart;
        var entries = (ushort)Math.Min(declaredCount ?? count, ushort.MaxValue);
        Span<byte> end = stackalloc byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054B50);
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], entries);
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], entries);
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], (uint)directorySize);
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], (uint)directoryStart);
        zip.Write(end);
        return zip.ToArray();
    }

    /// <summary>The offset of the (only, or last) central directory record, to make it lie.</summary>
    public static int DirectoryRecord(byte[] zip) => zip.AsSpan().LastIndexOf("PK\u0001\u0002"u8);

    private static byte[] Name(int i) => Encoding.ASCII.GetBytes($"e{i}.txt");
}
