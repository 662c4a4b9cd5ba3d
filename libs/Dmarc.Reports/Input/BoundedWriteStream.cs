namespace Dmarc.Reports.Input;

/// <summary>Writes through to a buffer until <c>maxBytes</c>, then stops the writer with a limit breach.</summary>
internal sealed class BoundedWriteStream(Stream inner, long maxBytes) : Stream
{
    private long _written;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _written;

    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _written += buffer.Length;
        if (_written > maxBytes)
        {
            throw new ReportLimitExceededException(
                $"a mail part decodes to more than {Bytes.Describe(maxBytes)} (limit MaxReportBytes)");
        }

        inner.Write(buffer);
    }

    public override void Flush() => inner.Flush();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
