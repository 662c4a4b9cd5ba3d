using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Dmarc.Reports.Input;

namespace Dmarc.Reports.Aggregate;

/// <summary>Hashes (SHA-256) what passes through it, to recognise the same report document in other mails.</summary>
internal sealed class HashingReadStream(Stream inner) : ForwardReadStream(inner)
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override int Read(Span<byte> buffer)
    {
        var read = Inner.Read(buffer);
        _hash.AppendData(buffer[..read]);
        return read;
    }

    /// <summary>Reads what the parser left unread, then gives the hash of the whole document.</summary>
    public string Finish()
    {
        CopyTo(Null);
        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
