using System.Text.Json;

namespace Dmarc.Cli.Tests.Support;

/// <summary>Where two JSON values differ, as "/path: ours … expected …" lines; object key order does not matter.</summary>
public static class JsonDifferences
{
    public static List<string> Between(JsonElement ours, JsonElement expected, Func<string, bool> ignore)
    {
        var differences = new List<string>();
        Compare(ours, expected, "", ignore, differences);
        return differences;
    }

    private static void Compare(JsonElement ours, JsonElement expected, string path, Func<string, bool> ignore, List<string> differences)
    {
        if (ignore(path))
        {
            return;
        }

        if (ours.ValueKind == JsonValueKind.Object && expected.ValueKind == JsonValueKind.Object)
        {
            var names = ours.EnumerateObject().Select(p => p.Name).Union(expected.EnumerateObject().Select(p => p.Name));
            foreach (var name in names)
            {
                var hasOurs = ours.TryGetProperty(name, out var ourValue);
                var hasExpected = expected.TryGetProperty(name, out var expectedValue);
                if (hasOurs && hasExpected)
                {
                    Compare(ourValue, expectedValue, $"{path}/{name}", ignore, differences);
                }
                else if (!ignore($"{path}/{name}"))
                {
                    differences.Add($"{path}/{name}: {(hasOurs ? "only in ours" : "missing in ours")}");
                }
            }
        }
        else if (ours.ValueKind == JsonValueKind.Array && expected.ValueKind == JsonValueKind.Array)
        {
            if (ours.GetArrayLength() != expected.GetArrayLength())
            {
                differences.Add($"{path}: {ours.GetArrayLength()} items, expected {expected.GetArrayLength()}");
                return;
            }

            var index = 0;
            foreach (var (ourItem, expectedItem) in ours.EnumerateArray().Zip(expected.EnumerateArray()))
            {
                Compare(ourItem, expectedItem, $"{path}[{index++}]", ignore, differences);
            }
        }
        else if (!JsonElement.DeepEquals(ours, expected))
        {
            differences.Add($"{path}: ours {ours.GetRawText()}, expected {expected.GetRawText()}");
        }
    }
}
