using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Dmarc.Reports.Input;

/// <summary>
/// The CRC-32 of zip and gzip (ISO-HDLC: reflected polynomial 0xEDB88320), eight bytes per step with eight tables.
/// Zip entries name the CRC of their content; checking it tells a whole entry from one cut short or lied about.
/// </summary>
internal static class Crc32
{
    private const uint Polynomial = 0xEDB88320;

    // Table k maps a byte to the CRC of that byte followed by k zero bytes.
    private static readonly uint[] Tables = BuildTables();

    /// <summary>The CRC of <paramref name="bytes"/> continued from <paramref name="crc"/> (0 to start).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static uint Append(uint crc, ReadOnlySpan<byte> bytes)
    {
        var tables = Tables.AsSpan();
        var state = ~crc;
        while (bytes.Length >= 8)
        {
            var low = BinaryPrimitives.ReadUInt32LittleEndian(bytes) ^ state;
            var high = BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]);
            state = tables[(7 * 256) + (int)(low & 0xFF)]
                ^ tables[(6 * 256) + (int)((low >> 8) & 0xFF)]
                ^ tables[(5 * 256) + (int)((low >> 16) & 0xFF)]
                ^ tables[(4 * 256) + (int)(low >> 24)]
                ^ tables[(3 * 256) + (int)(high & 0xFF)]
                ^ tables[(2 * 256) + (int)((high >> 8) & 0xFF)]
                ^ tables[256 + (int)((high >> 16) & 0xFF)]
                ^ tables[(int)(high >> 24)];
            bytes = bytes[8..];
        }

        foreach (var b in bytes)
        {
            state = tables[(int)((state ^ b) & 0xFF)] ^ (state >> 8);
        }

        return ~state;
    }

    private static uint[] BuildTables()
    {
        var tables = new uint[8 * 256];
        for (uint b = 0; b < 256; b++)
        {
            var crc = b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ Polynomial : crc >> 1;
            }

            tables[b] = crc;
        }

        for (var k = 1; k < 8; k++)
        {
            for (var b = 0; b < 256; b++)
            {
                var previous = tables[((k - 1) * 256) + b];
                tables[(k * 256) + b] = (previous >> 8) ^ tables[(int)(previous & 0xFF)];
            }
        }

        return tables;
    }
}
