using System.IO.Compression;

namespace Dmarc.Reports.Input;

/// <summary>
/// Decompresses gzip or zlib and tells a stream that ends where its format says it ends from one cut short (a mail
/// cut in transit). .NET's decompressors just stop at the end of their input, so the cut is found here, and thrown at
/// the end as <see cref="BrokenContainerException"/>: the report in it ends invalid (retryable) instead of being kept
/// in part under its natural key.
/// </summary>
/// <remarks>
/// A decompressor reads its input only when it cannot go on without more. A zlib stream stops reading at its end
/// marker, so reaching the end of the input means it was cut. A gzip decompressor instead always asks whether another
/// member follows; so at the end of the input it is given one more, small, member: decompressed as a member of its
/// own (its marker comes out, checked and held back) the stream before it ended whole; read as the rest of a cut
/// member it breaks or yields something else.
/// </remarks>
internal sealed class WholeDecompression : ForwardReadStream
{
    private static readonly byte[] Marker = "\0dmarc: end of gzip input\0"u8.ToArray();
    private static readonly byte[] ClosingMember = CompressMarker();

    private readonly EndWatch _input;
    private readonly string _container;
    private bool _ended;

    private WholeDecompression(Stream decompressing, EndWatch input, string container)
        : base(decompressing)
    {
        _input = input;
        _container = container;
    }

    public static Stream Gzip(Stream compressed)
    {
        var input = new EndWatch(compressed, ClosingMember);
        return new WholeDecompression(new GZipStream(input, CompressionMode.Decompress), input, "gzip");
    }

    public static Stream Zlib(Stream compressed)
    {
        var input = new EndWatch(compressed, []);
        return new WholeDecompression(new ZLibStream(input, CompressionMode.Decompress), input, "zlib");
    }

    public override int Read(Span<byte> buffer)
    {
        // A zero-byte read may make the decompressor read its input before it has given out all it holds: never
        // passed on, so that reaching the end of the input always means what the remarks say.
        if (_ended || buffer.IsEmpty)
        {
            return 0;
        }

        var read = ReadInner(buffer);
        if (!_input.Reached)
        {
            // Ended by its own end marker (a gzip stream followed by bytes that are not gzip: trailing garbage).
            _ended = read == 0;
            return read;
        }

        // The input has ended: what came out in this read is the closing member's, never the report's.
        if (_input.Closing.Length == 0)
        {
            throw Cut();
        }

        CheckClosingOutput(buffer[..read]);
        _ended = true;
        return 0;
    }

    private int ReadInner(Span<byte> buffer)
    {
        try
        {
            return Inner.Read(buffer);
        }
        catch (InvalidDataException) when (_input.Reached)
        {
            // The closing member was read as the rest of a cut one.
            throw Cut();
        }
    }

    /// <summary>Reads to the end: exactly the marker must come out, then nothing.</summary>
    private void CheckClosingOutput(ReadOnlySpan<byte> first)
    {
        Span<byte> output = stackalloc byte[Marker.Length + 1];
        var length = Math.Min(first.Length, output.Length);
        first[..length].CopyTo(output);
        while (length < output.Length)
        {
            var read = ReadInner(output[length..]);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        if (!output[..length].SequenceEqual(Marker))
        {
            throw Cut();
        }
    }

    private BrokenContainerException Cut() => new(
        $"the {_container} stream is truncated: it ends before its compressed data does (cut off in transfer?)");

    private static byte[] CompressMarker()
    {
        using var member = new MemoryStream();
        using (var gzip = new GZipStream(member, CompressionLevel.NoCompression, leaveOpen: true))
        {
            gzip.Write(Marker);
        }

        return member.ToArray();
    }

    /// <summary>The compressed input; notes when the decompressor reads past its end, and then gives it <c>closing</c>.</summary>
    private sealed class EndWatch(Stream inner, byte[] closing) : ForwardReadStream(inner)
    {
        private int _closingServed;

        public bool Reached { get; private set; }

        public ReadOnlySpan<byte> Closing => closing;

        public override int Read(Span<byte> buffer)
        {
            if (!Reached)
            {
                var read = Inner.Read(buffer);
                if (read > 0 || buffer.IsEmpty)
                {
                    return read;
                }

                Reached = true;
            }

            var count = Math.Min(buffer.Length, closing.Length - _closingServed);
            closing.AsSpan(_closingServed, count).CopyTo(buffer);
            _closingServed += count;
            return count;
        }
    }
}
