namespace Dmarc.Reports.Input;

/// <summary>Bytes one input may still decompress over all its archives and parts (against bombs of many entries).</summary>
internal sealed class DecompressionBudget(long bytes)
{
    private readonly long _total = bytes;
    private long _remaining = bytes;

    public void Spend(int count)
    {
        _remaining -= count;
        if (_remaining < 0)
        {
            throw new ReportLimitExceededException(
                $"decompresses to more than {Bytes.Describe(_total)} in all (limit MaxTotalDecompressedBytes); treated as a decompression bomb");
        }
    }
}
