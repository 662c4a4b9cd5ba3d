using System.Buffers.Binary;

namespace Dmarc.Reports.Input;

/// <summary>
/// The end of central directory record of a zip archive (with its zip64 extension): how many entries the archive
/// says it holds and how large its directory is, read before the directory itself so that a bomb of millions of
/// entries is refused without loading them. A zip without this record at its end was cut short.
/// </summary>
internal readonly record struct ZipDirectoryEnd(long Entries, long DirectorySize)
{
    private const int RecordLength = 22;
    private const int Zip64LocatorLength = 20;
    private const int Zip64RecordLength = 56;

    public static ZipDirectoryEnd Read(Stream archive)
    {
        // The record is the last thing in the archive but for a comment of at most 65535 bytes (and, from some
        // senders, a line break or two).
        var tailLength = (int)Math.Min(archive.Length, RecordLength + ushort.MaxValue + Zip64LocatorLength);
        var tail = new byte[tailLength];
        archive.Position = archive.Length - tailLength;
        archive.ReadExactly(tail);

        for (var at = tail.Length - RecordLength; at >= 0; at--)
        {
            var record = tail.AsSpan(at);
            if (!record.StartsWith("PK\u0005\u0006"u8) || at + RecordLength + BinaryPrimitives.ReadUInt16LittleEndian(record[20..]) > tail.Length)
            {
                continue;
            }

            var end = new ZipDirectoryEnd(BinaryPrimitives.ReadUInt16LittleEndian(record[10..]), BinaryPrimitives.ReadUInt32LittleEndian(record[12..]));
            return at >= Zip64LocatorLength && tail.AsSpan(at - Zip64LocatorLength).StartsWith("PK\u0006\u0007"u8)
                ? Zip64(archive, BinaryPrimitives.ReadInt64LittleEndian(tail.AsSpan(at - Zip64LocatorLength + 8))) ?? end
                : end;
        }

        throw new BrokenContainerException(
            "the zip archive is truncated: its end of central directory record is missing (cut off in transfer?)");
    }

    private static ZipDirectoryEnd? Zip64(Stream archive, long offset)
    {
        if (offset < 0 || offset > archive.Length - Zip64RecordLength)
        {
            return null;
        }

        var record = new byte[Zip64RecordLength];
        archive.Position = offset;
        archive.ReadExactly(record);
        return record.AsSpan().StartsWith("PK\u0006\u0006"u8)
            ? new ZipDirectoryEnd(BinaryPrimitives.ReadInt64LittleEndian(record.AsSpan(32)), BinaryPrimitives.ReadInt64LittleEndian(record.AsSpan(40)))
            : null;
    }
}
