using System.Buffers.Text;
using System.Text;
using MimeKit;

namespace Dmarc.Reports.Failure;

/// <summary>The decoded content of a small part (feedback fields, a sample sent as a plain part), read within a bound.</summary>
internal static class PartContent
{
    /// <summary>The decoded bytes, or null when the part decodes to more than <paramref name="maxBytes"/>.</summary>
    public static byte[]? Decode(MimePart part, int maxBytes, CancellationToken cancellationToken)
    {
        if (part.Content is null)
        {
            return [];
        }

        using var decoded = part.Content.Open();
        using var bytes = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = decoded.Read(buffer, 0, buffer.Length)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (bytes.Length + read > maxBytes)
            {
                return null;
            }

            bytes.Write(buffer, 0, read);
        }

        return bytes.ToArray();
    }

    /// <summary>
    /// Text of feedback fields. Some reporters base64-encode the part without saying so: content that holds no
    /// field separator but is nothing but base64 is read decoded.
    /// </summary>
    public static string FieldsText(byte[] bytes)
    {
        if (!bytes.Contains((byte)':') && Base64Text(bytes) is { } decoded)
        {
            bytes = decoded;
        }

        return Encoding.UTF8.GetString(bytes);
    }

    private static byte[]? Base64Text(byte[] text)
    {
        var compact = text.Where(b => b is not ((byte)'\r' or (byte)'\n' or (byte)' ' or (byte)'\t')).ToArray();
        if (compact.Length == 0)
        {
            return null;
        }

        var decoded = new byte[Base64.GetMaxDecodedFromUtf8Length(compact.Length)];
        return Base64.DecodeFromUtf8(compact, decoded, out _, out var written) == System.Buffers.OperationStatus.Done
            ? decoded[..written]
            : null;
    }
}
