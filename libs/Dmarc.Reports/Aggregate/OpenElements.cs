using System.Runtime.CompilerServices;
using Dmarc.Reports.Input;

namespace Dmarc.Reports.Aggregate;

/// <summary>The names of the elements open at the scanner's position, kept in reused buffers (no allocation per tag).</summary>
internal sealed class OpenElements(int maxDepth)
{
    private readonly byte[][] _names = new byte[maxDepth + 1][];
    private readonly int[] _lengths = new int[maxDepth + 1];

    public int Count { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Push(ReadOnlySpan<byte> name)
    {
        if (Count >= _names.Length)
        {
            throw new ReportLimitExceededException($"XML elements nest more than {maxDepth} levels deep (limit MaxXmlDepth)");
        }

        ref var slot = ref _names[Count];
        if (slot is null || slot.Length < name.Length)
        {
            slot = new byte[Math.Max(32, name.Length)];
        }

        name.CopyTo(slot);
        _lengths[Count++] = name.Length;
    }

    public void Pop() => Count--;

    /// <summary>The depth of the innermost open element named <paramref name="name"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Find(ReadOnlySpan<byte> name)
    {
        for (var i = Count - 1; i >= 0; i--)
        {
            if (name.SequenceEqual(_names[i].AsSpan(0, _lengths[i])))
            {
                return i;
            }
        }

        return -1;
    }

    public string TopName() => XmlNames.Show(_names[Count - 1].AsSpan(0, _lengths[Count - 1]));
}
