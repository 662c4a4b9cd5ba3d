using System.Runtime.CompilerServices;

namespace Dmarc.Reports.Input;

/// <summary>
/// A read-only view of a stream that stops hostile input: reading past <c>maxBytes</c> throws
/// <see cref="ReportLimitExceededException"/> with <c>limitMessage</c>, and every byte is charged to the input's budget.
/// </summary>
internal sealed class BoundedReadStream(Stream inner, long maxBytes, string limitMessage, DecompressionBudget? budget) : ForwardReadStream(inner)
{
    private long _bytesRead;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override int Read(Span<byte> buffer)
    {
        var read = Inner.Read(buffer);
        _bytesRead += read;
        if (_bytesRead > maxBytes)
        {
            throw new ReportLimitExceededException(limitMessage);
        }

        budget?.Spend(read);
        return read;
    }
}
