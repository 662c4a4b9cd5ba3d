using System.Text;

namespace Dmarc.Reports.Aggregate;

/// <summary>Decodes each byte that is not valid UTF-8 as windows-1252 and counts them, instead of failing.</summary>
internal sealed class Windows1252Fallback : DecoderFallback
{
    // windows-1252 differs from Latin-1 only in 0x80-0x9F; the five undefined bytes keep their C1 code points.
    private const string HighControls =
        "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
        "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

    public long InvalidBytes { get; private set; }

    public override int MaxCharCount => 4;

    public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

    private static char Map(byte b) => b is >= 0x80 and <= 0x9F ? HighControls[b - 0x80] : (char)b;

    private sealed class Buffer(Windows1252Fallback owner) : DecoderFallbackBuffer
    {
        private readonly char[] _chars = new char[4];
        private int _count;
        private int _next;

        public override int Remaining => _count - _next;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            _count = Math.Min(bytesUnknown.Length, _chars.Length);
            for (var i = 0; i < _count; i++)
            {
                _chars[i] = Map(bytesUnknown[i]);
            }

            owner.InvalidBytes += _count;
            _next = 0;
            return _count > 0;
        }

        public override char GetNextChar() => _next < _count ? _chars[_next++] : '\0';

        public override bool MovePrevious()
        {
            if (_next == 0)
            {
                return false;
            }

            _next--;
            return true;
        }

        public override void Reset() => _count = _next = 0;
    }
}
