using System.Text;

namespace Dmarc.Reports.Tests.Limits;

/// <summary>
/// A large input made while it is read, from a sequence of pieces, so that a test of a 200 MB attachment or a
/// 100 MB value never holds it in memory. Not seekable, like a mail arriving over a socket.
/// </summary>
internal sealed class GeneratedInput(IEnumerable<ReadOnlyMemory<byte>> pieces) : Stream
{
    private readonly IEnumerator<ReadOnlyMemory<byte>> _pieces = pieces.GetEnumerator();
    private ReadOnlyMemory<byte> _current;

    public static GeneratedInput Of(params object[] parts) => new(parts.SelectMany(Pieces));

    /// <summary>The same bytes again and again, <paramref name="times"/> times (lazily).</summary>
    public static IEnumerable<ReadOnlyMemory<byte>> Repeat(string text, long times) => Repeat(Encoding.UTF8.GetBytes(text), times);

    public static IEnumerable<ReadOnlyMemory<byte>> Repeat(byte[] bytes, long times)
    {
        for (var i = 0L; i < times; i++)
        {
            yield return bytes;
        }
    }

    private static IEnumerable<ReadOnlyMemory<byte>> Pieces(object part) => part switch
    {
        string text => [Encoding.UTF8.GetBytes(text)],
        byte[] bytes => [bytes],
        IEnumerable<ReadOnlyMemory<byte>> pieces => pieces,
        _ => throw new ArgumentException($"not a piece of input: {part}", nameof(part)),
    };

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (_current.IsEmpty)
        {
            if (!_pieces.MoveNext())
            {
                return 0;
            }

            _current = _pieces.Current;
        }

        var count = Math.Min(buffer.Length, _current.Length);
        _current.Span[..count].CopyTo(buffer);
        _current = _current[count..];
        return count;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _pieces.Dispose();
        }

        base.Dispose(disposing);
    }
}
