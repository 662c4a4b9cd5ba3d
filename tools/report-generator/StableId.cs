namespace Dmarc.ReportGenerator;

/// <summary>Ids and boundaries derived from text, the same on every run (<see cref="string.GetHashCode()"/> is not).</summary>
internal static class StableId
{
    /// <summary>FNV-1a over the UTF-16 code units.</summary>
    public static int Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)hash;
    }
}
