using Dmarc.Reports.Domains;

namespace Dmarc.Reports.Tests.Domains;

/// <summary>
/// RFC 9989's DNS tree walk for the organisational domain, against records held in memory: the RFC's own examples,
/// the psd tag's three values, no record at all, and the eight-query limit for long names.
/// </summary>
public sealed class TreeWalkTests
{
    private const string Plain = "v=DMARC1; p=none";
    private const string PsdYes = "v=DMARC1; p=reject; psd=y";
    private const string PsdNo = "v=DMARC1; p=none; psd=n";

    [Fact]
    public async Task Without_psd_tags_the_record_with_fewest_labels_is_the_organisational_domain()
    {
        // RFC 9989: records at mail.example.com and example.com, none at a.mail.example.com or com.
        var records = Records(("mail.example.com", Plain), ("example.com", Plain));

        Assert.Equal("example.com", await Walk("a.mail.example.com", records));
        Assert.Equal(["a.mail.example.com", "mail.example.com", "example.com", "com"], records.Queries);
    }

    [Fact]
    public async Task A_record_with_psd_n_is_the_organisational_domain_and_ends_the_walk()
    {
        var records = Records(("mail.example.com", PsdNo), ("example.com", Plain));

        Assert.Equal("mail.example.com", await Walk("a.mail.example.com", records));
        Assert.Equal(["a.mail.example.com", "mail.example.com"], records.Queries);
    }

    [Fact]
    public async Task A_record_with_psd_y_makes_the_name_one_label_below_it_the_organisational_domain()
    {
        // RFC 9989: only _dmarc.com, with psd=y.
        var records = Records(("com", PsdYes));

        Assert.Equal("example.com", await Walk("a.mail.example.com", records));
    }

    [Fact]
    public async Task A_psd_y_record_above_the_starting_name_can_make_the_starting_name_its_own_organisational_domain()
    {
        // RFC 9989: queried at mail.example.com, then example.com, which says psd=y.
        var records = Records(("example.com", PsdYes), ("com", PsdYes));

        Assert.Equal("mail.example.com", await Walk("mail.example.com", records));
        Assert.Equal(["mail.example.com", "example.com"], records.Queries);
    }

    [Fact]
    public async Task A_psd_y_record_at_the_starting_name_ends_the_walk_there()
    {
        var records = Records(("example", PsdYes), ("gov.example", PsdYes));

        Assert.Equal("gov.example", await Walk("gov.example", records));
        Assert.Equal(["gov.example"], records.Queries);
    }

    [Fact]
    public async Task Psd_u_counts_as_no_psd_tag()
    {
        var records = Records(("mail.example.com", "v=DMARC1; p=none; psd=u"), ("example.com", "v=DMARC1;p=none;psd=maybe"));

        Assert.Equal("example.com", await Walk("a.mail.example.com", records));
    }

    [Fact]
    public async Task Without_any_record_the_starting_name_is_its_own_organisational_domain()
    {
        var records = Records();

        Assert.Equal("a.mail.example.com", await Walk("a.mail.example.com", records));
        Assert.Equal(4, records.Queries.Count);
        Assert.Equal("a.mail.example.com", await Walk("a.mail.example.com", IDmarcRecordSource.Offline));
    }

    [Fact]
    public async Task Text_that_is_not_a_DMARC_record_is_no_record()
    {
        var records = Records(("mail.example.com", "v=spf1 -all"), ("example.com", "p=none; v=DMARC1"), ("com", "v=DMARC1x; psd=y"));

        Assert.Equal("a.mail.example.com", await Walk("a.mail.example.com", records));
    }

    [Fact]
    public async Task Tags_are_read_with_any_spacing_and_case()
    {
        var records = Records(("mail.example.com", "  V = dmarc1 ;P=none ;  PSD = N  "), ("example.com", Plain));

        Assert.Equal("mail.example.com", await Walk("a.mail.example.com", records));
    }

    [Fact]
    public async Task A_name_of_more_than_eight_labels_takes_eight_queries()
    {
        // RFC 9989's illustration of a full walk from a.b.c.d.e.f.g.h.i.j.mail.example.com.
        var records = Records();

        await Walk("a.b.c.d.e.f.g.h.i.j.mail.example.com", records);

        Assert.Equal(
            [
                "a.b.c.d.e.f.g.h.i.j.mail.example.com", "g.h.i.j.mail.example.com", "h.i.j.mail.example.com",
                "i.j.mail.example.com", "j.mail.example.com", "mail.example.com", "example.com", "com",
            ],
            records.Queries);
    }

    [Fact]
    public async Task A_record_in_the_skipped_labels_of_a_long_name_is_never_found()
    {
        // RFC 9989's note on decentralised DNS: psd=n at b.c.d.e.f.g.example.com is not queried for a name of 10 labels.
        var records = Records(("example.com", Plain), ("b.c.d.e.f.g.example.com", PsdNo));

        Assert.Equal("example.com", await Walk("mail.a.b.c.d.e.f.g.example.com", records));
        Assert.DoesNotContain("b.c.d.e.f.g.example.com", records.Queries);
        Assert.Equal(TreeWalk.MaxQueries, records.Queries.Count);
    }

    [Fact]
    public async Task One_label_below_a_psd_y_record_counts_from_the_starting_name_after_a_skip()
    {
        // Nine labels: the second query is at seven labels; psd=y there makes the eight-label name the answer.
        var records = Records(("l7.l6.l5.l4.l3.example.com", PsdYes));

        Assert.Equal("l8.l7.l6.l5.l4.l3.example.com", await Walk("l9.l8.l7.l6.l5.l4.l3.example.com", records));
    }

    [Theory]
    [InlineData("a.b.c.d.e.f.g.h", 8)]
    [InlineData("a.b.c.d.e.f.g", 7)]
    [InlineData("com", 1)]
    public async Task A_walk_queries_each_level_up_to_eight_times(string domain, int queries)
    {
        var records = Records();

        await Walk(domain, records);

        Assert.Equal(queries, records.Queries.Count);
        Assert.Equal(domain.Split('.')[^1], records.Queries[^1]);
    }

    [Fact]
    public async Task Names_are_walked_lower_case_without_a_trailing_dot()
    {
        var records = Records(("Example.COM.", Plain));

        Assert.Equal("example.com", await Walk("Mail.EXAMPLE.com.", records));
        Assert.Equal("mail.example.com", records.Queries[0]);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData(".example.com", ".example.com")]
    public async Task A_name_that_is_no_domain_name_is_not_walked(string domain, string expected)
    {
        var records = Records(("example.com", Plain));

        Assert.Equal(expected, await Walk(domain, records));
        Assert.Empty(records.Queries);
    }

    internal static InMemoryDmarcRecords Records(params (string Domain, string Record)[] records) =>
        new(records.Select(record => KeyValuePair.Create(record.Domain, record.Record)));

    private static async Task<string> Walk(string domain, IDmarcRecordSource records) =>
        await TreeWalk.OrganizationalDomainAsync(domain, records, TestContext.Current.CancellationToken);
}
