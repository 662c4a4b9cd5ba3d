namespace Dmarc.ReportGenerator;

/// <summary>
/// SplitMix64 with integer-only helpers. Our own sequence, because <see cref="Random"/>'s algorithm is no contract
/// and floating-point maths may round differently between platforms: a seed must give the same bytes everywhere.
/// </summary>
public sealed class SeededRandom(long seed)
{
    private ulong _state = unchecked((ulong)seed);

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, <paramref name="max"/>).</summary>
    public int Next(int max) => (int)(NextUInt64() % (ulong)max);

    /// <summary>A number in [<paramref name="min"/>, <paramref name="maxExclusive"/>).</summary>
    public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    /// <summary>True with probability <paramref name="percent"/>/100.</summary>
    public bool Percent(int percent) => Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>A message count from 1 up to 2^<paramref name="maxBits"/>, mostly small, with a long tail like real traffic.</summary>
    public long Count(int maxBits) => 1 + Next(1 << Math.Min(Next(maxBits + 1), Next(maxBits + 1)));
}
