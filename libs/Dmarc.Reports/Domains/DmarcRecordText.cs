namespace Dmarc.Reports.Domains;

/// <summary>What RFC 9989's <c>psd</c> tag says about the domain that publishes the record.</summary>
internal enum PublicSuffixDomainFlag
{
    /// <summary><c>psd=u</c>, no <c>psd</c> tag, or a value the tag does not define: nothing is said.</summary>
    Unknown,

    /// <summary><c>psd=y</c>: a public suffix domain; names one label below it are organisational domains.</summary>
    Yes,

    /// <summary><c>psd=n</c>: an organisational domain; the tree walk stops here.</summary>
    No,
}

/// <summary>
/// The little the tree walk needs from the text of a DMARC record (RFC 9989 4.7): whether it is one
/// (it starts with the tag <c>v=DMARC1</c>) and its <c>psd</c> tag. Tags are <c>name=value</c> pairs separated by
/// <c>;</c>, with whitespace allowed around them; names and the values read here are compared ignoring case.
/// </summary>
internal static class DmarcRecordText
{
    public static bool IsDmarcRecord(ReadOnlySpan<char> record)
    {
        var end = record.IndexOf(';');
        return Tag(end < 0 ? record : record[..end], out var name, out var value)
            && name.Equals("v", StringComparison.OrdinalIgnoreCase)
            && value.Equals("DMARC1", StringComparison.OrdinalIgnoreCase);
    }

    public static PublicSuffixDomainFlag Psd(ReadOnlySpan<char> record)
    {
        foreach (var range in record.Split(';'))
        {
            if (Tag(record[range], out var name, out var value) && name.Equals("psd", StringComparison.OrdinalIgnoreCase))
            {
                return value.Equals("y", StringComparison.OrdinalIgnoreCase) ? PublicSuffixDomainFlag.Yes
                    : value.Equals("n", StringComparison.OrdinalIgnoreCase) ? PublicSuffixDomainFlag.No
                    : PublicSuffixDomainFlag.Unknown;
            }
        }

        return PublicSuffixDomainFlag.Unknown;
    }

    private static bool Tag(ReadOnlySpan<char> tag, out ReadOnlySpan<char> name, out ReadOnlySpan<char> value)
    {
        var equals = tag.IndexOf('=');
        name = equals < 0 ? [] : tag[..equals].Trim();
        value = equals < 0 ? [] : tag[(equals + 1)..].Trim();
        return equals > 0;
    }
}
