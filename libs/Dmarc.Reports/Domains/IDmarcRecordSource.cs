namespace Dmarc.Reports.Domains;

/// <summary>
/// Where the DNS tree walk (RFC 9989) reads DMARC policy records from. The core has no DNS code: an adapter outside it
/// asks the DNS; <see cref="InMemoryDmarcRecords"/> serves tests; <see cref="Offline"/> knows no record at all.
/// </summary>
public interface IDmarcRecordSource
{
    /// <summary>A source that knows no record: every tree walk ends at the name it started from.</summary>
    static IDmarcRecordSource Offline { get; } = new OfflineDmarcRecords();

    /// <summary>
    /// The text of the one DMARC policy record published at <c>_dmarc.<paramref name="domain"/></c>, or null when there
    /// is none. As RFC 9989 4.10 asks, several DMARC records at one name count as none. <paramref name="domain"/> is
    /// lower-case ASCII without a trailing dot. A lookup that fails (time-out, SERVFAIL) should throw rather than say
    /// null: "no record" moves the organisational domain, a failure must not.
    /// </summary>
    ValueTask<string?> DmarcRecordAsync(string domain, CancellationToken cancellationToken);
}

/// <summary>The source behind <see cref="IDmarcRecordSource.Offline"/>: no network, no records.</summary>
internal sealed class OfflineDmarcRecords : IDmarcRecordSource
{
    public ValueTask<string?> DmarcRecordAsync(string domain, CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
}
