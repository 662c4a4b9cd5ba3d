using System.Buffers.Binary;

namespace Dmarc.Reports.Input;

/// <summary>
/// Counts the entries of a zip archive from its directory records, without loading them, so that a bomb of millions
/// of entries is refused before .NET builds an object for each. The count stops at <c>max + 1</c>: the end of
/// central directory record may lie about it, and .NET reads directory records as long as they come. A zip without
/// that record at its end was cut short.
/// </summary>
internal static class ZipDirectory
{
    private const int EndRecordLength = 22;
    private const int Zip64LocatorLength = 20;
    private const int Zip64EndRecordLength = 56;
    private const int DirectoryRecordLength = 46;

    public static long CountEntries(Stream archive, long max)
    {
        var (declared, offset) = ReadEnd(archive);
        if (declared > max || offset < 0 || offset >= archive.Length)
        {
            return declared;
        }

        var count = 0L;
        var record = new byte[DirectoryRecordLength];
        archive.Position = offset;
        while (count <= max && archive.ReadAtLeast(record, record.Length, throwOnEndOfStream: false) == record.Length
            && record.AsSpan().StartsWith("PK\u0001\u0002"u8))
        {
            count++;
            var variable = BinaryPrimitives.ReadUInt16LittleEndian(record.AsSpan(28)) + BinaryPrimitives.ReadUInt16LittleEndian(record.AsSpan(30))
                + BinaryPrimitives.ReadUInt16LittleEndian(record.AsSpan(32));
            archive.Position += variable;
        }

        return Math.Max(count, declared);
    }

    /// <summary>The entry count and directory offset of the end of central directory record (zip64 when present).</summary>
    private static (long Entries, long DirectoryOffset) ReadEnd(Stream archive)
    {
        // The record is the last thing in the archive but for a comment of at most 65535 bytes (and, from some
        // senders, a line break or two).
        var tailLength = (int)Math.Min(archive.Length, EndRecordLength + ushort.MaxValue + Zip64LocatorLength);
        var tail = new byte[tailLength];
        archive.Position = archive.Length - tailLength;
        archive.ReadExactly(tail);

        for (var at = tail.Length - EndRecordLength; at >= 0; at--)
        {
            var record = tail.AsSpan(at);
            if (!record.StartsWith("PK\u0005\u0006"u8) || at + EndRecordLength + BinaryPrimitives.ReadUInt16LittleEndian(record[20..]) > tail.Length)
            {
                continue;
            }

            var end = ((long)BinaryPrimitives.ReadUInt16LittleEndian(record[10..]), (long)BinaryPrimitives.ReadUInt32LittleEndian(record[16..]));
            return at >= Zip64LocatorLength && tail.AsSpan(at - Zip64LocatorLength).StartsWith("PK\u0006\u0007"u8)
                ? Zip64End(archive, BinaryPrimitives.ReadInt64LittleEndian(tail.AsSpan(at - Zip64LocatorLength + 8))) ?? end
                : end;
        }

        throw new BrokenContainerException(
            "the zip archive is truncated: its end of central directory record is missing (cut off in transfer?)");
    }

    private static (long, long)? Zip64End(Stream archive, long offset)
    {
        if (offset < 0 || offset > archive.Length - Zip64EndRecordLength)
        {
            return null;
        }

        var record = new byte[Zip64EndRecordLength];
        archive.Position = offset;
        archive.ReadExactly(record);
        return record.AsSpan().StartsWith("PK\u0006\u0006"u8)
            ? (BinaryPrimitives.ReadInt64LittleEndian(record.AsSpan(32)), BinaryPrimitives.ReadInt64LittleEndian(record.AsSpan(48)))
            : null;
    }
}
