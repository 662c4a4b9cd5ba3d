using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;

namespace Dmarc.Reports.Aggregate;

/// <summary>
/// Reads the values of aggregate reports as reporters really write them: any case, surrounding or inner whitespace,
/// and the aliases seen in the wild (<c>hardfail</c>, SPF <c>unknown</c> and <c>error</c>).
/// </summary>
internal static class AggregateValues
{
    public static bool Is(ReadOnlySpan<char> value, string token) => value.Trim().Equals(token, StringComparison.OrdinalIgnoreCase);

    public static Disposition? Disposition(ReadOnlySpan<char> value) =>
        Is(value, "none") ? Aggregate.Disposition.None
        : Is(value, "quarantine") ? Aggregate.Disposition.Quarantine
        : Is(value, "reject") ? Aggregate.Disposition.Reject
        : Is(value, "pass") ? Aggregate.Disposition.Pass
        : null;

    public static DomainPolicy? Policy(ReadOnlySpan<char> value) =>
        Is(value, "none") ? DomainPolicy.None
        : Is(value, "quarantine") ? DomainPolicy.Quarantine
        : Is(value, "reject") ? DomainPolicy.Reject
        : null;

    public static DmarcVerdict Verdict(ReadOnlySpan<char> value) => Is(value, "pass") ? DmarcVerdict.Pass : DmarcVerdict.Fail;

    public static AlignmentMode Alignment(ReadOnlySpan<char> value) =>
        Is(value, "s") || Is(value, "strict") ? AlignmentMode.Strict : AlignmentMode.Relaxed;

    public static DkimResult? Dkim(ReadOnlySpan<char> value) =>
        Is(value, "pass") ? DkimResult.Pass
        : Is(value, "fail") || Is(value, "hardfail") ? DkimResult.Fail
        : Is(value, "none") || value.IsWhiteSpace() ? DkimResult.None
        : Is(value, "neutral") ? DkimResult.Neutral
        : Is(value, "policy") ? DkimResult.Policy
        : Is(value, "temperror") || Is(value, "error") || Is(value, "temp_error") ? DkimResult.TempError
        : Is(value, "permerror") || Is(value, "perm_error") || Is(value, "unknown") ? DkimResult.PermError
        : null;

    public static SpfResult? Spf(ReadOnlySpan<char> value) =>
        Is(value, "pass") ? SpfResult.Pass
        : Is(value, "fail") || Is(value, "hardfail") ? SpfResult.Fail
        : Is(value, "softfail") ? SpfResult.SoftFail
        : Is(value, "none") || value.IsWhiteSpace() ? SpfResult.None
        : Is(value, "neutral") ? SpfResult.Neutral
        : Is(value, "temperror") || Is(value, "error") || Is(value, "temp_error") ? SpfResult.TempError
        : Is(value, "permerror") || Is(value, "perm_error") || Is(value, "unknown") ? SpfResult.PermError
        : null;

    public static SpfScope Scope(ReadOnlySpan<char> value) => Is(value, "helo") || Is(value, "ehlo") ? SpfScope.Helo : SpfScope.MailFrom;

    public static PolicyOverride Override(ReadOnlySpan<char> value) =>
        Is(value, "forwarded") ? PolicyOverride.Forwarded
        : Is(value, "sampled_out") ? PolicyOverride.SampledOut
        : Is(value, "trusted_forwarder") ? PolicyOverride.TrustedForwarder
        : Is(value, "mailing_list") ? PolicyOverride.MailingList
        : Is(value, "local_policy") ? PolicyOverride.LocalPolicy
        : Is(value, "policy_test_mode") ? PolicyOverride.PolicyTestMode
        : PolicyOverride.Other;

    public static DiscoveryMethod? Discovery(ReadOnlySpan<char> value) =>
        Is(value, "psl") ? DiscoveryMethod.Psl : Is(value, "treewalk") ? DiscoveryMethod.TreeWalk : null;

    public static bool? YesNo(ReadOnlySpan<char> value) => Is(value, "y") ? true : Is(value, "n") ? false : null;

    /// <summary>A whole number with any whitespace in it, as some reporters pad their numbers; decimals are cut.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryNumber(ReadOnlySpan<char> value, out long number)
    {
        Span<char> digits = stackalloc char[Math.Min(value.Length, 64)];
        var length = 0;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            if (length == digits.Length)
            {
                number = 0;
                return false;
            }

            digits[length++] = c;
        }

        var text = digits[..length];
        var dot = text.IndexOf('.');
        if (dot >= 0 && text[(dot + 1)..].TrimEnd('0').IsEmpty)
        {
            text = text[..dot];
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>An IP address in canonical form (IPv6 compressed, lower case); other text is kept as sent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string SourceIp(string value)
    {
        var trimmed = value.AsSpan().Trim();
        if (trimmed.IndexOf(':') < 0 && IPAddress.TryParse(trimmed, out var v4) && IsDottedQuad(trimmed))
        {
            return trimmed.Length == value.Length ? value : v4.ToString();
        }

        return IPAddress.TryParse(trimmed, out var address) ? address.ToString() : trimmed.ToString();
    }

    // IPAddress accepts "1" or "1.2" as IPv4; reporters only mean dotted quads.
    private static bool IsDottedQuad(ReadOnlySpan<char> value) => value.Count('.') == 3;

    /// <summary>Report ids like <c>&lt;1234@host&gt;</c> lose their angle brackets.</summary>
    public static string ReportId(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Length > 2 && trimmed[0] == '<' && trimmed[^1] == '>' ? trimmed[1..^1].Trim() : trimmed;
    }

    /// <summary>A domain name as compared everywhere: trimmed, lower case, no trailing dot.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Domain(string value)
    {
        var span = value.AsSpan().Trim().TrimEnd('.');
        foreach (var c in span)
        {
            if (char.IsUpper(c))
            {
                return span.ToString().ToLowerInvariant();
            }
        }

        return span.Length == value.Length ? value : span.ToString();
    }

    /// <summary>The domain of an e-mail address (for a report without <c>org_name</c>).</summary>
    public static string? EmailDomain(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var at = email.LastIndexOf('@');
        var domain = Domain((at >= 0 ? email[(at + 1)..] : email).Trim('<', '>', ' '));
        return domain.Length == 0 ? null : domain;
    }
}
