using System.IO.Compression;

namespace Dmarc.ReportGenerator;

/// <summary>The containers reporters put reports in. Entry times are fixed so the same input gives the same bytes.</summary>
public static class ReportCompression
{
    public static byte[] Gzip(byte[] document)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(document);
        }

        return buffer.ToArray();
    }

    public static byte[] Zip(byte[] document, string entryName, DateTimeOffset entryTime)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry(entryName, CompressionLevel.Optimal);
            entry.LastWriteTime = entryTime;
            using var content = entry.Open();
            content.Write(document);
        }

        return buffer.ToArray();
    }
}
