using System.IO.Compression;
using System.Text;

namespace Dmarc.Reports.Tests.Support;

/// <summary>Packs test reports the way reporters send them: gzip, zip, raw zlib, base64 and quoted-printable mail bodies.</summary>
internal static class Containers
{
    public static byte[] Gzip(byte[] content)
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return packed.ToArray();
    }

    public static byte[] Zlib(byte[] content)
    {
        using var packed = new MemoryStream();
        using (var zlib = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(content);
        }

        return packed.ToArray();
    }

    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var packed = new MemoryStream();
        using (var zip = new ZipArchive(packed, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(content);
            }
        }

        return packed.ToArray();
    }

    /// <summary>Base64 in lines of 76 characters, as mail bodies carry it.</summary>
    public static string Base64Lines(byte[] content)
    {
        var text = Convert.ToBase64String(content);
        return string.Join("\n", text.Chunk(76).Select(line => new string(line)));
    }

    /// <summary>Quoted-printable (RFC 2045 6.7) of UTF-8 text: line breaks kept, long lines soft-broken.</summary>
    public static string QuotedPrintable(string text)
    {
        var encoded = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            var width = 0;
            foreach (var b in Encoding.UTF8.GetBytes(line))
            {
                var piece = b is >= 33 and <= 126 and not (byte)'=' || b == (byte)' ' ? ((char)b).ToString() : $"={b:X2}";
                if (width + piece.Length > 72)
                {
                    encoded.Append("=\n");
                    width = 0;
                }

                encoded.Append(piece);
                width += piece.Length;
            }

            encoded.Append('\n');
        }

        return encoded.ToString();
    }
}
