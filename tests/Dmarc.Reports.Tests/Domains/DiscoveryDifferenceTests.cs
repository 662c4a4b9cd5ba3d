using Dmarc.Reports.Domains;

namespace Dmarc.Reports.Tests.Domains;

/// <summary>Where the Public Suffix List and the DNS tree walk find different organisational domains, and where not.</summary>
public sealed class DiscoveryDifferenceTests
{
    [Fact]
    public async Task A_psd_n_record_below_the_registrable_domain_makes_the_methods_differ()
    {
        var records = TreeWalkTests.Records(("mail.example.co.jp", "v=DMARC1; p=none; psd=n"), ("example.co.jp", "v=DMARC1; p=none"));

        var difference = await DiscoveryDifference.OfAsync("news.mail.example.co.jp", PublicSuffixList.Default, records, Token);

        Assert.True(difference.Differs);
        Assert.Equal("example.co.jp", difference.ByPublicSuffixList);
        Assert.Equal("mail.example.co.jp", difference.ByTreeWalk);
    }

    [Fact]
    public async Task A_record_at_the_registrable_domain_gives_both_methods_the_same_answer()
    {
        var records = TreeWalkTests.Records(("example.co.jp", "v=DMARC1; p=none"));

        var difference = await DiscoveryDifference.OfAsync("news.mail.example.co.jp", PublicSuffixList.Default, records, Token);

        Assert.False(difference.Differs);
        Assert.Equal("example.co.jp", difference.ByTreeWalk);
    }

    [Fact]
    public async Task Without_records_the_tree_walk_keeps_a_subdomain_apart()
    {
        var difference = await DiscoveryDifference.OfAsync("mail.example.com", PublicSuffixList.Default, IDmarcRecordSource.Offline, Token);

        Assert.True(difference.Differs);
        Assert.Equal(("example.com", "mail.example.com"), (difference.ByPublicSuffixList, difference.ByTreeWalk));
    }

    [Fact]
    public async Task Among_many_domains_only_those_that_differ_are_listed_once()
    {
        var records = TreeWalkTests.Records(("example.com", "v=DMARC1; p=none"), ("team.example.com", "v=DMARC1; p=none; psd=n"));

        var differences = await DiscoveryDifference.AmongAsync(
            ["mail.example.com", "a.team.example.com", "A.TEAM.example.com", "example.com"], PublicSuffixList.Default, records, Token);

        var difference = Assert.Single(differences);
        Assert.Equal("a.team.example.com", difference.Domain);
        Assert.Equal("team.example.com", difference.ByTreeWalk);
    }

    [Fact]
    public async Task Walked_domains_answer_from_the_walk_and_the_rest_from_the_fallback()
    {
        var records = TreeWalkTests.Records(("team.example.com", "v=DMARC1; p=none; psd=n"));
        var domains = new WalkedOrganizationalDomains(records, PublicSuffixList.Default);

        await domains.WalkAsync(["a.team.example.com", "A.Team.Example.com."], Token);

        Assert.Equal(1, domains.Count);
        Assert.Equal("team.example.com", domains.Of("A.TEAM.EXAMPLE.COM"));
        Assert.Equal("example.com", domains.Of("b.other.example.com"));
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;
}
