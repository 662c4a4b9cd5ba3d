using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Dmarc.Reports.Failure;

/// <summary>
/// Replaces the local part of every e-mail address in a text by a stable redaction (see
/// <see cref="FailureSamplePolicy.RedactLocalParts"/>); passes text through unchanged when redaction is off.
/// </summary>
internal sealed partial class LocalPartRedactor
{
    private const string Prefix = "redacted-";

    private readonly byte[]? _key;

    private LocalPartRedactor(bool enabled, string? key)
    {
        Enabled = enabled;
        _key = key is null ? null : Encoding.UTF8.GetBytes(key);
    }

    public bool Enabled { get; }

    public static LocalPartRedactor For(FailureSamplePolicy policy) => new(policy.RedactLocalParts, policy.RedactionKey);

    [return: NotNullIfNotNull(nameof(text))]
    public string? Redact(string? text) =>
        !Enabled || text is null || !text.Contains('@', StringComparison.Ordinal) ? text : Address().Replace(text, RedactMatch);

    public IReadOnlyList<string> Redact(IReadOnlyList<string> texts) => Enabled ? [.. texts.Select(text => Redact(text))] : texts;

    /// <summary>The redaction of one local part: the same for the same mailbox whatever its case.</summary>
    public string RedactLocalPart(string localPart)
    {
        var bytes = Encoding.UTF8.GetBytes(localPart.Trim('"').ToLowerInvariant());
        var hash = _key is null ? SHA256.HashData(bytes) : HMACSHA256.HashData(_key, bytes);
        return Prefix + Convert.ToHexStringLower(hash.AsSpan(0, 4));
    }

    private string RedactMatch(Match match)
    {
        var local = match.Groups["local"].Value;

        // "smtp.mailfrom=jane@example.com": the key is structure, not the mailbox.
        var key = KeyPrefix().Match(local);
        var kept = key.Success && key.Length < local.Length ? key.Value : "";
        var mailbox = local[kept.Length..];
        var alreadyRedacted = mailbox.StartsWith(Prefix, StringComparison.Ordinal) && mailbox.Length == Prefix.Length + 8;
        return alreadyRedacted ? match.Value : kept + RedactLocalPart(mailbox) + "@";
    }

    /// <summary>An RFC 5322 local part (dot-atom, possibly with Unicode, or quoted) followed by '@' and a domain.</summary>
    [GeneratedRegex("""(?<local>"[^"\r\n]{1,64}"|[\p{L}\p{N}!#$%&'*+/=?^_`{|}~.-]{1,256})@(?=\[?[\p{L}\p{N}])""", RegexOptions.CultureInvariant)]
    private static partial Regex Address();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_.-]*=", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPrefix();
}
