using Dmarc.Reports.Domains;

namespace Dmarc.Reports.Tests.Domains;

/// <summary>A list of our own in the PSL file format: how each kind of line is read, and the refresh path from a file.</summary>
public sealed class CustomSuffixListTests
{
    private const string SmallList = """
        // A list for tests.
        // ===BEGIN ICANN DOMAINS===
        test
        co.test   this text after whitespace is not part of the rule
        *.wild.test
        !keep.wild.test
        ＳＨＯＰ.テスト
        // ===END ICANN DOMAINS===

        // ===BEGIN PRIVATE DOMAINS===
        pages.test
        // ===END PRIVATE DOMAINS===
        after.test
        """;

    [Theory]
    [InlineData("www.example.test", "example.test")]
    [InlineData("www.example.co.test", "example.co.test")]
    [InlineData("a.b.wild.test", "a.b.wild.test")]
    [InlineData("x.keep.wild.test", "keep.wild.test")]
    [InlineData("www.alice.pages.test", "alice.pages.test")]
    [InlineData("www.example.after.test", "example.after.test")]
    [InlineData("www.example.com", "example.com")]
    public void Rules_of_each_kind_are_read(string domain, string organisational) =>
        Assert.Equal(organisational, Parse(SmallList).Of(domain));

    [Fact]
    public void Unicode_rules_are_compared_as_A_labels()
    {
        var list = Parse(SmallList);

        Assert.True(list.IsPublicSuffix("shop.xn--zckzah"));
        Assert.Equal("example.shop.xn--zckzah", list.Of("www.example.shop.テスト"));
        Assert.Equal("example.shop.xn--zckzah", list.Of("ｗｗｗ．ＥＸＡＭＰＬＥ。ｓｈｏｐ。テスト"));
    }

    [Fact]
    public void The_private_section_can_be_left_out()
    {
        var list = PublicSuffixList.Parse(new StringReader(SmallList), includePrivateDomains: false);

        Assert.Equal("pages.test", list.Of("www.alice.pages.test"));
        Assert.Equal("example.after.test", list.Of("www.example.after.test"));
    }

    [Fact]
    public void Lines_that_cannot_be_rules_are_skipped_and_counted()
    {
        var list = Parse("""
            valid.test
            a.*.test
            ..test
            *x.test
            """);

        Assert.Equal(1, list.RuleCount);
        Assert.Equal(3, list.SkippedRuleCount);
        Assert.Equal("a.valid.test", list.Of("www.a.valid.test"));
    }

    [Fact]
    public void A_newer_list_is_loaded_from_a_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"psl-{Guid.NewGuid():N}.dat");
        File.WriteAllText(path, "newsuffix\nco.newsuffix\n");
        try
        {
            var list = PublicSuffixList.Load(path);

            Assert.Equal(2, list.RuleCount);
            Assert.Equal("example.co.newsuffix", list.Of("mail.example.co.newsuffix"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("// only comments\n\n// ===BEGIN ICANN DOMAINS===\n")]
    public void A_file_without_rules_is_refused_with_a_reason(string text)
    {
        var error = Assert.Throws<InvalidDataException>(() => Parse(text));
        Assert.Contains("no public suffix rule", error.Message, StringComparison.Ordinal);
    }

    private static PublicSuffixList Parse(string text) => PublicSuffixList.Parse(new StringReader(text));
}
