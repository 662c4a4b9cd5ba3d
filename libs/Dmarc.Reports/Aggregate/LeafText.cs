using System.Runtime.CompilerServices;
using System.Text.Unicode;
using System.Text;
using Dmarc.Reports.Input;

namespace Dmarc.Reports.Aggregate;

/// <summary>
/// The UTF-8 text of the element being read, turned into a string when the element ends. Reports repeat the same
/// values record after record (<c>pass</c>, <c>mfrom</c>, the same domains), so the last string of each kind of
/// element is reused when the bytes are the same: most values then cost no allocation.
/// </summary>
internal sealed class LeafText(int maxLength)
{
    private const int CachedLength = 96;

    private readonly (byte[] Bytes, int Length, string? Text)[] _lastValues = new (byte[], int, string?)[Enum.GetValues<ReportNode>().Length];
    private readonly Windows1252Fallback _fallback = new();
    private byte[] _bytes = new byte[256];
    private int _length;
    private Encoding? _utf8WithFallback;

    public long InvalidUtf8Bytes => _fallback.InvalidBytes;

    public void Clear() => _length = 0;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Append(ReadOnlySpan<byte> utf8)
    {
        if (_length + utf8.Length > maxLength)
        {
            throw TooLong();
        }

        if (_length + utf8.Length > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + utf8.Length));
        }

        utf8.CopyTo(_bytes.AsSpan(_length));
        _length += utf8.Length;
    }

    public string ToText(ReportNode node) => ToText(node, _bytes.AsSpan(0, _length));

    /// <summary>The string of a whole value handed on in one piece, without collecting it first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string ToText(ReportNode node, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > maxLength)
        {
            throw TooLong();
        }

        if (bytes.IsEmpty)
        {
            return "";
        }

        ref var last = ref _lastValues[(int)node];
        if (last.Text is not null && bytes.SequenceEqual(last.Bytes.AsSpan(0, last.Length)))
        {
            return last.Text;
        }

        var text = Decode(bytes);
        if (bytes.Length <= CachedLength)
        {
            last.Bytes ??= new byte[CachedLength];
            bytes.CopyTo(last.Bytes);
            last.Length = bytes.Length;
            last.Text = text;
        }

        return text;
    }

    private ReportLimitExceededException TooLong() => new($"an XML value is longer than {maxLength} bytes (limit MaxXmlValueLength)");

    /// <summary>UTF-8, except that bytes which are not UTF-8 are read as windows-1252 (and counted) instead of failing.</summary>
    private string Decode(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        _utf8WithFallback ??= Encoding.GetEncoding("utf-8", EncoderFallback.ReplacementFallback, _fallback);
        return _utf8WithFallback.GetString(bytes);
    }
}
