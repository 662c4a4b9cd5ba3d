using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Dmarc.Reports.Input;

namespace Dmarc.Reports.Aggregate;

/// <summary>
/// Hashes (SHA-256) what passes through it, to recognise the same report document in other mails. Past the first
/// MiB the hashing moves to a thread of its own, so that a large report's hash costs the parsing thread only a copy.
/// </summary>
internal sealed class HashingReadStream(Stream inner) : ForwardReadStream(inner)
{
    private const int HashInlineBytes = 1 << 20;
    private const int ChunksInFlight = 64;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    // Chunks go round between the two threads (a shared pool would not get them back on the reading thread); they
    // live on the pinned heap, out of the way of the young generations.
    private readonly ConcurrentQueue<byte[]> _freeChunks = new();
    private long _bytesRead;
    private BlockingCollection<(byte[] Chunk, int Length)>? _chunks;
    private Thread? _hasher;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override int Read(Span<byte> buffer)
    {
        var read = Inner.Read(buffer);
        _bytesRead += read;
        if (read == 0)
        {
            return 0;
        }

        if (_chunks is null && _bytesRead <= HashInlineBytes)
        {
            _hash.AppendData(buffer[..read]);
            return read;
        }

        var chunk = _freeChunks.TryDequeue(out var free) && free.Length >= read ? free : GC.AllocateUninitializedArray<byte>(Math.Max(read, 64 * 1024), pinned: true);
        buffer[..read].CopyTo(chunk);
        (_chunks ??= StartHasher()).Add((chunk, read));
        return read;
    }

    /// <summary>Reads what the parser left unread, then gives the hash of the whole document.</summary>
    public string Finish()
    {
        CopyTo(Null);
        StopHasher();
        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    private BlockingCollection<(byte[], int)> StartHasher()
    {
        var chunks = new BlockingCollection<(byte[], int)>(ChunksInFlight);
        _hasher = new Thread(() =>
        {
            foreach (var (chunk, length) in chunks.GetConsumingEnumerable())
            {
                _hash.AppendData(chunk.AsSpan(0, length));
                _freeChunks.Enqueue(chunk);
            }
        })
        { IsBackground = true, Name = "dmarc payload hash" };
        _hasher.Start();
        return chunks;
    }

    private void StopHasher()
    {
        if (_chunks is null)
        {
            return;
        }

        _chunks.CompleteAdding();
        _hasher!.Join();
        _chunks.Dispose();
        _chunks = null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            StopHasher();
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
