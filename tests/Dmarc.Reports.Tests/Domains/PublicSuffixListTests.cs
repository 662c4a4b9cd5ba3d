using Dmarc.Reports.Domains;

namespace Dmarc.Reports.Tests.Domains;

/// <summary>
/// The built-in Public Suffix List, checked with the cases of the PSL project's own test data (checkPublicSuffix:
/// the registrable domain of a name, none for a public suffix) written as our rows, plus the cases DMARC meets:
/// Japanese second levels, private suffixes, IDN, unknown top-level domains, a trailing dot and upper case.
/// Internationalised names come out in A-label form, the one form alignment compares.
/// </summary>
public sealed class PublicSuffixListTests
{
    private static readonly PublicSuffixList _list = PublicSuffixList.Default;

    [Theory]
    // Mixed case.
    [InlineData("COM", null)]
    [InlineData("example.COM", "example.com")]
    [InlineData("WwW.example.COM", "example.com")]
    // Leading dot: not a domain name.
    [InlineData(".com", null)]
    [InlineData(".example", null)]
    [InlineData(".example.com", null)]
    [InlineData(".example.example", null)]
    // Unlisted top-level domain: the implicit rule "*".
    [InlineData("example", null)]
    [InlineData("example.example", "example.example")]
    [InlineData("b.example.example", "example.example")]
    [InlineData("a.b.example.example", "example.example")]
    // A top-level domain with one rule.
    [InlineData("biz", null)]
    [InlineData("domain.biz", "domain.biz")]
    [InlineData("b.domain.biz", "domain.biz")]
    [InlineData("a.b.domain.biz", "domain.biz")]
    // Some two-level rules.
    [InlineData("com", null)]
    [InlineData("example.com", "example.com")]
    [InlineData("b.example.com", "example.com")]
    [InlineData("a.b.example.com", "example.com")]
    [InlineData("uk.com", null)]
    [InlineData("example.uk.com", "example.uk.com")]
    [InlineData("b.example.uk.com", "example.uk.com")]
    [InlineData("a.b.example.uk.com", "example.uk.com")]
    [InlineData("test.ac", "test.ac")]
    // Only a wildcard rule.
    [InlineData("mm", null)]
    [InlineData("c.mm", null)]
    [InlineData("b.c.mm", "b.c.mm")]
    [InlineData("a.b.c.mm", "b.c.mm")]
    // Japan: plain, wildcard and exception rules at several levels.
    [InlineData("jp", null)]
    [InlineData("test.jp", "test.jp")]
    [InlineData("www.test.jp", "test.jp")]
    [InlineData("ac.jp", null)]
    [InlineData("test.ac.jp", "test.ac.jp")]
    [InlineData("www.test.ac.jp", "test.ac.jp")]
    [InlineData("kyoto.jp", null)]
    [InlineData("test.kyoto.jp", "test.kyoto.jp")]
    [InlineData("ide.kyoto.jp", null)]
    [InlineData("b.ide.kyoto.jp", "b.ide.kyoto.jp")]
    [InlineData("a.b.ide.kyoto.jp", "b.ide.kyoto.jp")]
    [InlineData("c.kobe.jp", null)]
    [InlineData("b.c.kobe.jp", "b.c.kobe.jp")]
    [InlineData("a.b.c.kobe.jp", "b.c.kobe.jp")]
    [InlineData("city.kobe.jp", "city.kobe.jp")]
    [InlineData("www.city.kobe.jp", "city.kobe.jp")]
    [InlineData("co.jp", null)]
    [InlineData("example.co.jp", "example.co.jp")]
    [InlineData("mail.example.co.jp", "example.co.jp")]
    [InlineData("ne.jp", null)]
    [InlineData("a.b.example.ne.jp", "example.ne.jp")]
    // A wildcard rule with an exception: *.ck and !www.ck.
    [InlineData("ck", null)]
    [InlineData("test.ck", null)]
    [InlineData("b.test.ck", "b.test.ck")]
    [InlineData("a.b.test.ck", "b.test.ck")]
    [InlineData("www.ck", "www.ck")]
    [InlineData("www.www.ck", "www.ck")]
    // US K12.
    [InlineData("us", null)]
    [InlineData("test.us", "test.us")]
    [InlineData("www.test.us", "test.us")]
    [InlineData("ak.us", null)]
    [InlineData("test.ak.us", "test.ak.us")]
    [InlineData("www.test.ak.us", "test.ak.us")]
    [InlineData("k12.ak.us", null)]
    [InlineData("test.k12.ak.us", "test.k12.ak.us")]
    [InlineData("www.test.k12.ak.us", "test.k12.ak.us")]
    // Private section.
    [InlineData("github.io", null)]
    [InlineData("alice.github.io", "alice.github.io")]
    [InlineData("www.alice.github.io", "alice.github.io")]
    // IDN labels, in Unicode and in A-labels.
    [InlineData("食狮.com.cn", "xn--85x722f.com.cn")]
    [InlineData("食狮.公司.cn", "xn--85x722f.xn--55qx5d.cn")]
    [InlineData("www.食狮.公司.cn", "xn--85x722f.xn--55qx5d.cn")]
    [InlineData("shishi.公司.cn", "shishi.xn--55qx5d.cn")]
    [InlineData("公司.cn", null)]
    [InlineData("食狮.中国", "xn--85x722f.xn--fiqs8s")]
    [InlineData("www.食狮.中国", "xn--85x722f.xn--fiqs8s")]
    [InlineData("shishi.中国", "shishi.xn--fiqs8s")]
    [InlineData("中国", null)]
    [InlineData("xn--85x722f.com.cn", "xn--85x722f.com.cn")]
    [InlineData("xn--85x722f.xn--55qx5d.cn", "xn--85x722f.xn--55qx5d.cn")]
    [InlineData("www.xn--85x722f.xn--55qx5d.cn", "xn--85x722f.xn--55qx5d.cn")]
    [InlineData("shishi.xn--55qx5d.cn", "shishi.xn--55qx5d.cn")]
    [InlineData("xn--55qx5d.cn", null)]
    [InlineData("xn--85x722f.xn--fiqs8s", "xn--85x722f.xn--fiqs8s")]
    [InlineData("www.xn--85x722f.xn--fiqs8s", "xn--85x722f.xn--fiqs8s")]
    [InlineData("shishi.xn--fiqs8s", "shishi.xn--fiqs8s")]
    [InlineData("xn--fiqs8s", null)]
    // A trailing dot, surrounding whitespace, upper case.
    [InlineData("www.example.com.", "example.com")]
    [InlineData(" mail.example.co.jp ", "example.co.jp")]
    [InlineData("MAIL.EXAMPLE.CO.JP.", "example.co.jp")]
    // Full-width letters and ideographic full stops, as Japanese input methods write them; upper-case Unicode.
    [InlineData("ＭＡＩＬ．ＥＸＡＭＰＬＥ。ＣＯ。ＪＰ", "example.co.jp")]
    [InlineData("www.example.co.jp。", "example.co.jp")]
    [InlineData("www.ÉCOLE.fr", "xn--cole-9oa.fr")]
    [InlineData("www.école.fr", "xn--cole-9oa.fr")]
    // Not domain names.
    [InlineData("", null)]
    [InlineData("a..example.com", null)]
    [InlineData("mail example.com", null)]
    public void Registrable_domain_follows_the_public_suffix_list(string domain, string? registrable) =>
        Assert.Equal(registrable, _list.RegistrableDomain(domain));

    [Theory]
    [InlineData("www.example.co.jp", "example.co.jp")]
    [InlineData("Mail.Example.COM.", "example.com")]
    [InlineData("www.食狮.中国", "xn--85x722f.xn--fiqs8s")]
    [InlineData("unknown-tld-host.example.internal", "example.internal")]
    public void The_organisational_domain_is_the_registrable_domain(string domain, string organisational) =>
        Assert.Equal(organisational, _list.Of(domain));

    [Theory]
    [InlineData("co.jp")]
    [InlineData("com")]
    [InlineData("github.io")]
    [InlineData("test.ck")]
    [InlineData("localhost")]
    public void A_public_suffix_is_its_own_organisational_domain(string suffix)
    {
        Assert.True(_list.IsPublicSuffix(suffix));
        Assert.Equal(suffix, _list.Of(suffix.ToUpperInvariant() + "."));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData(" .Example.COM ", ".example.com")]
    [InlineData("a..b.com.", "a..b.com")]
    public void A_name_that_is_no_domain_name_is_only_trimmed_and_lower_cased(string domain, string expected)
    {
        Assert.Equal(expected, _list.Of(domain));
        Assert.Null(_list.PublicSuffix(domain));
        Assert.False(_list.IsPublicSuffix(domain));
    }

    [Theory]
    [InlineData("www.example.co.jp", "co.jp")]
    [InlineData("a.b.test.ck", "test.ck")]
    [InlineData("www.ck", "ck")]
    [InlineData("host.example.internal", "internal")]
    [InlineData("alice.github.io", "github.io")]
    public void Public_suffix_is_the_prevailing_rule(string domain, string suffix) =>
        Assert.Equal(suffix, _list.PublicSuffix(domain));

    [Fact]
    public void The_built_in_list_is_read_once_and_whole()
    {
        using var stream = typeof(PublicSuffixList).Assembly.GetManifestResourceStream("Dmarc.Reports.Domains.public_suffix_list.dat");
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);
        var ruleLines = 0;
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            ruleLines += trimmed.Length > 0 && !trimmed.StartsWith("//", StringComparison.Ordinal) ? 1 : 0;
        }

        Assert.Same(PublicSuffixList.Default, PublicSuffixList.Default);
        Assert.Equal(ruleLines, PublicSuffixList.Default.RuleCount);
        Assert.Equal(0, PublicSuffixList.Default.SkippedRuleCount);
    }

    [Fact]
    public void Without_the_private_section_a_private_suffix_is_an_ordinary_name()
    {
        using var stream = typeof(PublicSuffixList).Assembly.GetManifestResourceStream("Dmarc.Reports.Domains.public_suffix_list.dat");
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);
        var icannOnly = PublicSuffixList.Parse(reader, includePrivateDomains: false);

        Assert.Equal("github.io", icannOnly.Of("www.alice.github.io"));
        Assert.Equal("example.co.jp", icannOnly.Of("mail.example.co.jp"));
        Assert.True(icannOnly.RuleCount < PublicSuffixList.Default.RuleCount);
    }
}
