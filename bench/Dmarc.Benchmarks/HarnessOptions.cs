using System.Globalization;

namespace Dmarc.Benchmarks;

/// <summary>The harnesses' command-line options: <c>--name value</c>, integers only.</summary>
internal static class HarnessOptions
{
    public static int Int(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
