namespace Dmarc.Reports.Input;

/// <summary>
/// Holds bytes written once and read again (a decoded mail attachment, an archive to be opened): in memory while
/// small, in a temporary file (deleted when disposed) once larger than <c>memoryBytes</c>, so that a 200 MB
/// attachment costs disk, not memory.
/// </summary>
internal sealed class Spool(int memoryBytes = Spool.DefaultMemoryBytes) : Stream
{
    /// <summary>Up to this size the bytes stay in memory.</summary>
    public const int DefaultMemoryBytes = 4 * 1024 * 1024;

    private Stream _store = new MemoryStream();
    private bool _inFile;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _store.Length;

    public override long Position
    {
        get => _store.Length;
        set => throw new NotSupportedException();
    }

    /// <summary>The bytes from their start, for one reader at a time; every call rewinds.</summary>
    public Stream Open()
    {
        _store.Position = 0;
        return new NonClosingStream(_store);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!_inFile && _store.Length + buffer.Length > memoryBytes)
        {
            MoveToFile();
        }

        if (_store.Position != _store.Length)
        {
            _store.Position = _store.Length;
        }

        _store.Write(buffer);
    }

    private void MoveToFile()
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        _store.Position = 0;
        _store.CopyTo(file);
        _store.Dispose();
        _store = file;
        _inFile = true;
    }

    public override void Flush() => _store.Flush();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _store.Dispose();
        }

        base.Dispose(disposing);
    }
}
