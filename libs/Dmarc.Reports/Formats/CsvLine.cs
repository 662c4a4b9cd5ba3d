using System.Buffers;
using System.Globalization;
using System.Text;

namespace Dmarc.Reports.Formats;

/// <summary>
/// Builds one CSV line in UTF-8, field by field, quoting as RFC 4180 says: a field that holds a comma, a double quote,
/// CR or LF is enclosed in double quotes, and its double quotes are doubled. Lines end with CRLF.
/// </summary>
internal sealed class CsvLine
{
    private static readonly SearchValues<byte> _needsQuotes = SearchValues.Create("\",\r\n"u8);

    private byte[] _buffer = new byte[4096];
    private int _length;
    private int _fieldStart;
    private bool _firstField = true;

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public void Clear()
    {
        _length = 0;
        _firstField = true;
    }

    public void Field(string? value)
    {
        StartField();
        Text(value);
        EndField();
    }

    public void Field(ReadOnlySpan<byte> utf8)
    {
        StartField();
        Bytes(utf8);
        EndField();
    }

    public void Field(long value)
    {
        StartField();
        Reserve(20);
        value.TryFormat(_buffer.AsSpan(_length), out var written, default, CultureInfo.InvariantCulture);
        _length += written;
        EndField();
    }

    /// <summary>Starts a field that is then written in pieces (<see cref="Text"/>, <see cref="Bytes"/>).</summary>
    public void StartField()
    {
        if (!_firstField)
        {
            Bytes(","u8);
        }

        _firstField = false;
        _fieldStart = _length;
    }

    public void Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        Reserve(Encoding.UTF8.GetMaxByteCount(value.Length));
        _length += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
    }

    public void Bytes(ReadOnlySpan<byte> utf8)
    {
        Reserve(utf8.Length);
        utf8.CopyTo(_buffer.AsSpan(_length));
        _length += utf8.Length;
    }

    /// <summary>Quotes the field just written when it needs it.</summary>
    public void EndField()
    {
        var field = _buffer.AsSpan(_fieldStart, _length - _fieldStart);
        if (!field.ContainsAny(_needsQuotes))
        {
            return;
        }

        var original = field.ToArray();
        _length = _fieldStart;
        Reserve(original.Length * 2 + 2);
        _buffer[_length++] = (byte)'"';
        foreach (var b in original)
        {
            if (b == (byte)'"')
            {
                _buffer[_length++] = (byte)'"';
            }

            _buffer[_length++] = b;
        }

        _buffer[_length++] = (byte)'"';
    }

    public void EndLine() => Bytes("\r\n"u8);

    private void Reserve(int more)
    {
        if (_length + more > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + more));
        }
    }
}
