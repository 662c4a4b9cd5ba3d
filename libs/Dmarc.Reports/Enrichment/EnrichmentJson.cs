using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dmarc.Reports.Enrichment;

/// <summary>Reading the enrichment configuration files (known senders, sender inventory): lenient syntax, strict fields.</summary>
internal static class EnrichmentJson
{
    private static readonly JsonSerializerOptions _options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The file's content; <see cref="InvalidDataException"/> naming the file and the place when it is not what it should be.</summary>
    public static T Read<T>(Stream json, string what)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, _options)
                ?? throw new InvalidDataException($"{what}: the file holds null instead of an object");
        }
        catch (JsonException exception)
        {
            var place = exception.LineNumber is { } line ? $" (line {line + 1}, byte {exception.BytePositionInLine + 1})" : "";
            throw new InvalidDataException($"{what}: not valid{place}: {exception.Message}", exception);
        }
    }

    /// <summary>A domain as the files may write it: any case, a trailing dot; null when empty.</summary>
    public static string? Domain(string? domain)
    {
        var trimmed = domain?.Trim().TrimEnd('.').ToLowerInvariant();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
