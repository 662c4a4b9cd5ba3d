using System.Globalization;
using System.IO.Compression;

namespace Dmarc.Reports.Input;

/// <summary>
/// The content of one zip entry, checked at its end against the CRC-32 and size the archive's directory gives for it.
/// .NET stops an entry where the directory says it stops and checks nothing, so an entry whose sizes lie, or whose
/// data is cut or damaged, would otherwise be read as a shorter document.
/// </summary>
internal sealed class CheckedZipEntry(ZipArchiveEntry entry, string name) : ForwardReadStream(entry.Open())
{
    private uint _crc;
    private long _length;
    private bool _checked;

    public override int Read(Span<byte> buffer)
    {
        var read = Inner.Read(buffer);
        if (read > 0)
        {
            _crc = Crc32.Append(_crc, buffer[..read]);
            _length += read;
        }
        else if (!_checked && !buffer.IsEmpty)
        {
            _checked = true;
            Check();
        }

        return read;
    }

    private void Check()
    {
        if (_crc == entry.Crc32)
        {
            return;
        }

        throw new BrokenContainerException(string.Create(CultureInfo.InvariantCulture,
            $"the zip entry \"{name}\" is cut short or corrupt: its {_length} bytes do not match the size ({entry.Length} bytes) and CRC-32 the archive gives for it"));
    }
}
