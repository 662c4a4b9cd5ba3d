using System.Buffers;
using System.Buffers.Text;

namespace Dmarc.Reports.Input;

/// <summary>
/// Base64 text in a mail part that does not declare it (a broken or missing Content-Transfer-Encoding), recognised
/// and decoded as a stream, so that a large part is never held in memory whole.
/// </summary>
internal static class UndeclaredBase64
{
    private const int ChunkBytes = 64 * 1024;

    /// <summary>True when every byte is a base64 character or a line break or space.</summary>
    public static bool IsAllBase64(Stream text)
    {
        using (text)
        {
            var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
            try
            {
                int read;
                while ((read = text.Read(chunk, 0, ChunkBytes)) > 0)
                {
                    if (chunk.AsSpan(0, read).ContainsAnyExcept(Alphabet))
                    {
                        return false;
                    }
                }

                return true;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
        }
    }

    /// <summary>The decoded bytes, or null when the text is not valid base64 after all.</summary>
    public static Spool? Decode(Spool text)
    {
        var decoded = new Spool();
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        var compact = ArrayPool<byte>.Shared.Rent(ChunkBytes + 4);
        var output = ArrayPool<byte>.Shared.Rent(Base64.GetMaxDecodedFromUtf8Length(ChunkBytes + 4));
        try
        {
            using var input = text.Open();
            var carried = 0;
            int read;
            while ((read = input.Read(chunk, 0, ChunkBytes)) > 0)
            {
                var length = carried + Compact(chunk.AsSpan(0, read), compact.AsSpan(carried));

                // The last block may end in padding, which only a final block may hold: it waits for the end.
                var whole = length <= 4 ? 0 : (length - 1) / 4 * 4;
                if (!DecodeSome(compact.AsSpan(0, whole), output, decoded, isFinalBlock: false, out var consumed))
                {
                    decoded.Dispose();
                    return null;
                }

                carried = length - consumed;
                compact.AsSpan(consumed, carried).CopyTo(compact);
            }

            if (!DecodeSome(compact.AsSpan(0, carried), output, decoded, isFinalBlock: true, out _))
            {
                decoded.Dispose();
                return null;
            }

            return decoded;
        }
        catch
        {
            decoded.Dispose();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
            ArrayPool<byte>.Shared.Return(compact);
            ArrayPool<byte>.Shared.Return(output);
        }
    }

    private static ReadOnlySpan<byte> Alphabet => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\r\n "u8;

    private static int Compact(ReadOnlySpan<byte> text, Span<byte> into)
    {
        var length = 0;
        foreach (var b in text)
        {
            if (b is not ((byte)'\r' or (byte)'\n' or (byte)' '))
            {
                into[length++] = b;
            }
        }

        return length;
    }

    private static bool DecodeSome(ReadOnlySpan<byte> text, byte[] output, Spool decoded, bool isFinalBlock, out int consumed)
    {
        var status = Base64.DecodeFromUtf8(text, output, out consumed, out var written, isFinalBlock);
        decoded.Write(output.AsSpan(0, written));
        return status == OperationStatus.Done;
    }
}
