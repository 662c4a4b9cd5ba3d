using System.Runtime.CompilerServices;
namespace Dmarc.Reports.Input;

/// <summary>
/// A read-only view of a stream that stops hostile input: reading past <c>maxBytes</c> throws
/// <see cref="ReportLimitExceededException"/> with <c>limitMessage</c>, and every byte is charged to the input's budget.
/// </summary>
internal sealed class BoundedReadStream(Stream inner, long maxBytes, string limitMessage, DecompressionBudget? budget) : Stream
{
    public long BytesRead { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        BytesRead += read;
        if (BytesRead > maxBytes)
        {
            throw new ReportLimitExceededException(limitMessage);
        }

        budget?.Spend(read);
        return read;
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
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
