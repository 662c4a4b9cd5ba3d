using System.Buffers.Binary;

namespace Dmarc.Reports.Formats;

/// <summary>
/// Holds the serialised records of the report being read until its outcome is known: in memory up to
/// <see cref="MemoryLimit"/> bytes, then in a temporary file, so that a report of any size costs flat memory.
/// Entries are length-prefixed byte strings, replayed in the order they were added.
/// </summary>
public sealed class RecordSpillBuffer(int memoryLimit = RecordSpillBuffer.DefaultMemoryLimit) : IDisposable
{
    public const int DefaultMemoryLimit = 4 * 1024 * 1024;
    private const int PrefixLength = sizeof(int);

    private byte[] _memory = new byte[Math.Clamp(memoryLimit, 256, 64 * 1024)];
    private int _memoryLength;
    private FileStream? _file;
    private bool _spilled;
    private byte[] _replayEntry = [];
    private int _replayOffset;

    public int MemoryLimit { get; } = memoryLimit;
    public long EntryCount { get; private set; }

    /// <summary>True while the entries live in the temporary file.</summary>
    public bool IsSpilled => _spilled;

    public void Add(ReadOnlySpan<byte> entry) => Add(entry, []);

    /// <summary>Adds one entry made of two consecutive parts (a small fixed prefix and a body, say).</summary>
    public void Add(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        var length = first.Length + second.Length;
        if (!_spilled && _memoryLength + PrefixLength + length > MemoryLimit)
        {
            Spill();
        }

        Span<byte> prefix = stackalloc byte[PrefixLength];
        BinaryPrimitives.WriteInt32LittleEndian(prefix, length);
        if (_spilled)
        {
            _file!.Write(prefix);
            _file.Write(first);
            _file.Write(second);
        }
        else
        {
            EnsureMemory(PrefixLength + length);
            prefix.CopyTo(_memory.AsSpan(_memoryLength));
            first.CopyTo(_memory.AsSpan(_memoryLength + PrefixLength));
            second.CopyTo(_memory.AsSpan(_memoryLength + PrefixLength + first.Length));
            _memoryLength += PrefixLength + length;
        }

        EntryCount++;
    }

    /// <summary>Starts reading the entries from the first one.</summary>
    public void BeginReplay()
    {
        _replayOffset = 0;
        if (_spilled)
        {
            _file!.Flush();
            _file.Position = 0;
        }
    }

    public bool TryReadEntry(out ReadOnlySpan<byte> entry)
    {
        if (!_spilled)
        {
            if (_replayOffset >= _memoryLength)
            {
                entry = default;
                return false;
            }

            var length = BinaryPrimitives.ReadInt32LittleEndian(_memory.AsSpan(_replayOffset));
            entry = _memory.AsSpan(_replayOffset + PrefixLength, length);
            _replayOffset += PrefixLength + length;
            return true;
        }

        return TryReadSpilledEntry(out entry);
    }

    /// <summary>Drops every entry (the report was written, or turned out not to be readable).</summary>
    public void Clear()
    {
        _memoryLength = 0;
        _replayOffset = 0;
        EntryCount = 0;
        if (_spilled)
        {
            _file!.SetLength(0);
            _file.Position = 0;
            _spilled = false;
        }
    }

    public void Dispose() => _file?.Dispose();

    private bool TryReadSpilledEntry(out ReadOnlySpan<byte> entry)
    {
        Span<byte> prefix = stackalloc byte[PrefixLength];
        if (_file!.ReadAtLeast(prefix, PrefixLength, throwOnEndOfStream: false) < PrefixLength)
        {
            entry = default;
            return false;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(prefix);
        if (_replayEntry.Length < length)
        {
            _replayEntry = new byte[Math.Max(length, 4096)];
        }

        _file.ReadExactly(_replayEntry, 0, length);
        entry = _replayEntry.AsSpan(0, length);
        return true;
    }

    private void EnsureMemory(int more)
    {
        if (_memoryLength + more <= _memory.Length)
        {
            return;
        }

        var size = Math.Max(_memory.Length * 2, _memoryLength + more);
        Array.Resize(ref _memory, size);
    }

    private void Spill()
    {
        _file ??= new FileStream(
            Path.Combine(Path.GetTempPath(), $"dmarc-records-{Guid.NewGuid():N}.tmp"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 1024 * 1024,
            FileOptions.DeleteOnClose | FileOptions.SequentialScan);
        _file.Write(_memory, 0, _memoryLength);
        _memoryLength = 0;
        _spilled = true;
    }
}
