using Dmarc.Reports.Alignment;
using Dmarc.Reports.Domains;
using static Dmarc.Reports.Tests.Alignment.Rows;

namespace Dmarc.Reports.Tests.Alignment;

/// <summary>DMARC recomputed from one record's raw results: each rule of SPF and DKIM alignment, and the reporter's verdict beside it.</summary>
public sealed class AlignmentCheckTests
{
    private static readonly PolicyPublished _relaxed = Policy();
    private static readonly PolicyPublished _strict = Policy(AlignmentMode.Strict, AlignmentMode.Strict);

    [Fact]
    public void Relaxed_SPF_aligns_a_subdomain_of_the_same_organisation()
    {
        var record = Record(spf: [MailFrom("bounce.example.com")]);

        var alignment = Check(record, _relaxed);

        Assert.Equal(MechanismDiagnosis.Pass, alignment.Spf);
        Assert.Equal("bounce.example.com", alignment.SpfPassDomain);
        Assert.True(alignment.DmarcPass);
    }

    [Fact]
    public void Strict_SPF_wants_the_same_name()
    {
        var record = Record(spf: [MailFrom("bounce.example.com")]);

        var alignment = Check(record, Policy(aspf: AlignmentMode.Strict));

        Assert.Equal(MechanismDiagnosis.Misaligned, alignment.Spf);
        Assert.Equal("bounce.example.com", alignment.SpfPassDomain);
        Assert.False(alignment.DmarcPass);
    }

    [Fact]
    public void Strict_alignment_ignores_case_and_a_trailing_dot()
    {
        var record = Record(headerFrom: "Example.COM.", spf: [MailFrom("EXAMPLE.com")], dkim: [Dkim("example.com.")]);

        var alignment = Check(record, _strict);

        Assert.Equal((MechanismDiagnosis.Pass, MechanismDiagnosis.Pass), (alignment.Spf, alignment.Dkim));
        Assert.Equal("example.com", alignment.SpfPassDomain);
        Assert.Equal(["example.com"], alignment.DkimPassDomains);
    }

    [Fact]
    public void Relaxed_alignment_uses_the_public_suffix_list_not_the_last_two_labels()
    {
        var sameOrganisation = Record(headerFrom: "news.example.co.jp", spf: [MailFrom("mail.example.co.jp")]);
        var otherOrganisation = Record(headerFrom: "example.co.jp", spf: [MailFrom("other.co.jp")], dkim: [Dkim("other.co.jp")]);
        var otherPrivateSuffixUser = Record(headerFrom: "alice.github.io", dkim: [Dkim("bob.github.io")]);

        Assert.Equal(MechanismDiagnosis.Pass, Check(sameOrganisation, _relaxed).Spf);
        Assert.Equal((MechanismDiagnosis.Misaligned, MechanismDiagnosis.Misaligned), (Check(otherOrganisation, _relaxed).Spf, Check(otherOrganisation, _relaxed).Dkim));
        Assert.Equal(MechanismDiagnosis.Misaligned, Check(otherPrivateSuffixUser, _relaxed).Dkim);
    }

    [Fact]
    public void SPF_passing_for_another_organisation_is_misaligned()
    {
        var record = Record(spf: [MailFrom("bounces.vendor.example")]);

        var alignment = Check(record, _relaxed);

        Assert.Equal(MechanismDiagnosis.Misaligned, alignment.Spf);
        Assert.Equal("bounces.vendor.example", alignment.SpfPassDomain);
    }

    [Fact]
    public void An_SPF_result_for_HELO_never_aligns_and_is_not_counted()
    {
        var heloOnly = Record(spf: [Helo("example.com")]);
        var heloPassMailFromFail = Record(spf: [Helo("example.com"), MailFrom("example.com", SpfResult.Fail)]);

        Assert.Equal(MechanismDiagnosis.None, Check(heloOnly, _relaxed).Spf);
        Assert.Null(Check(heloOnly, _relaxed).SpfPassDomain);
        Assert.Equal(MechanismDiagnosis.AuthFail, Check(heloPassMailFromFail, _strict).Spf);
        Assert.False(Check(heloPassMailFromFail, _strict).DmarcPass);
    }

    [Theory]
    [InlineData(SpfResult.SoftFail)]
    [InlineData(SpfResult.Neutral)]
    [InlineData(SpfResult.Fail)]
    [InlineData(SpfResult.None)]
    [InlineData(SpfResult.TempError)]
    [InlineData(SpfResult.PermError)]
    public void Only_an_SPF_pass_passes(SpfResult result)
    {
        var alignment = Check(Record(spf: [MailFrom("example.com", result)]), _relaxed);

        Assert.Equal(MechanismDiagnosis.AuthFail, alignment.Spf);
        Assert.Null(alignment.SpfPassDomain);
    }

    [Fact]
    public void A_record_without_SPF_results_has_none()
    {
        var alignment = Check(Record(dkim: [Dkim("example.com")]), _relaxed);

        Assert.Equal(MechanismDiagnosis.None, alignment.Spf);
        Assert.True(alignment.DmarcPass);
    }

    [Fact]
    public void Among_several_SPF_results_an_aligned_pass_wins()
    {
        var record = Record(spf: [MailFrom("vendor.example"), MailFrom("example.com", SpfResult.SoftFail), MailFrom("mail.example.com")]);

        var alignment = Check(record, _relaxed);

        Assert.Equal(MechanismDiagnosis.Pass, alignment.Spf);
        Assert.Equal("mail.example.com", alignment.SpfPassDomain);
    }

    [Fact]
    public void Relaxed_DKIM_aligns_a_subdomain_and_strict_DKIM_does_not()
    {
        var record = Record(dkim: [Dkim("mail.example.com")]);

        Assert.Equal(MechanismDiagnosis.Pass, Check(record, _relaxed).Dkim);
        Assert.Equal(MechanismDiagnosis.Misaligned, Check(record, Policy(adkim: AlignmentMode.Strict)).Dkim);
        Assert.Equal(["mail.example.com"], Check(record, Policy(adkim: AlignmentMode.Strict)).DkimPassDomains);
    }

    [Fact]
    public void One_aligned_passing_signature_among_several_passes()
    {
        var record = Record(dkim: [Dkim("esp.example", DkimResult.Pass), Dkim("example.com", DkimResult.Fail), Dkim("Example.com")]);

        var alignment = Check(record, _relaxed);

        Assert.Equal(MechanismDiagnosis.Pass, alignment.Dkim);
        Assert.Equal(["esp.example", "example.com"], alignment.DkimPassDomains);
    }

    [Fact]
    public void Signatures_passing_only_for_other_domains_are_misaligned()
    {
        var record = Record(dkim: [Dkim("example.com", DkimResult.Fail), Dkim("sendgrid.net"), Dkim("SendGrid.net")]);

        var alignment = Check(record, _relaxed);

        Assert.Equal(MechanismDiagnosis.Misaligned, alignment.Dkim);
        Assert.Equal(["sendgrid.net"], alignment.DkimPassDomains);
        Assert.False(alignment.DmarcPass);
    }

    [Theory]
    [InlineData(DkimResult.Fail)]
    [InlineData(DkimResult.Neutral)]
    [InlineData(DkimResult.Policy)]
    [InlineData(DkimResult.TempError)]
    [InlineData(DkimResult.PermError)]
    public void Signatures_without_a_pass_are_an_authentication_failure(DkimResult result)
    {
        var alignment = Check(Record(dkim: [Dkim("example.com", result)]), _relaxed);

        Assert.Equal(MechanismDiagnosis.AuthFail, alignment.Dkim);
        Assert.Empty(alignment.DkimPassDomains);
    }

    [Fact]
    public void No_signature_or_a_result_of_none_means_no_DKIM_result()
    {
        Assert.Equal(MechanismDiagnosis.None, Check(Record(), _relaxed).Dkim);
        Assert.Equal(MechanismDiagnosis.None, Check(Record(dkim: [Dkim("", DkimResult.None)]), _relaxed).Dkim);
    }

    [Fact]
    public void An_empty_domain_aligns_with_nothing()
    {
        var record = Record(headerFrom: "", spf: [MailFrom("")], dkim: [Dkim("")]);

        var alignment = Check(record, _relaxed);

        Assert.Equal((MechanismDiagnosis.Misaligned, MechanismDiagnosis.Misaligned), (alignment.Spf, alignment.Dkim));
    }

    [Fact]
    public void Internationalised_names_align_in_either_form()
    {
        var record = Record(headerFrom: "例え.jp", spf: [MailFrom("mail.xn--r8jz45g.jp")], dkim: [Dkim("XN--R8JZ45G.JP")]);

        var alignment = Check(record, _strict);

        Assert.Equal(MechanismDiagnosis.Misaligned, alignment.Spf);
        Assert.Equal(MechanismDiagnosis.Pass, alignment.Dkim);
        Assert.Equal(MechanismDiagnosis.Pass, Check(record, _relaxed).Spf);
    }

    [Fact]
    public void The_reporter_passing_what_the_results_do_not_support_is_a_disagreement()
    {
        var record = Record(spf: [MailFrom("vendor.example")], dkim: [Dkim("example.com", DkimResult.Fail)], reporterDkimPass: true);

        var alignment = Check(record, _relaxed);

        Assert.True(alignment.ReporterPass);
        Assert.False(alignment.DmarcPass);
        Assert.True(alignment.ReporterDisagrees);
    }

    [Fact]
    public void The_reporter_failing_an_aligned_pass_is_a_disagreement()
    {
        var record = Record(spf: [MailFrom("example.com")]);

        var alignment = Check(record, _relaxed);

        Assert.False(alignment.ReporterPass);
        Assert.True(alignment.DmarcPass);
        Assert.True(alignment.ReporterDisagrees);
    }

    [Fact]
    public void Agreeing_with_the_reporter_is_no_disagreement()
    {
        var record = Record(spf: [MailFrom("example.com")], reporterSpfPass: true);

        Assert.False(Check(record, _relaxed).ReporterDisagrees);
    }

    [Fact]
    public void Relaxed_alignment_asks_the_organisational_domains_it_is_given()
    {
        var record = Record(headerFrom: "mail.example.com", dkim: [Dkim("news.example.com")]);
        var eachNameItsOwn = new EachNameItsOwn();

        Assert.Equal(MechanismDiagnosis.Misaligned, AlignmentCheck.Of(record, _relaxed, eachNameItsOwn).Dkim);
        Assert.Equal(MechanismDiagnosis.Pass, AlignmentCheck.Of(record, _relaxed, PublicSuffixList.Default).Dkim);
    }

    private static RecordAlignment Check(AggregateRecord record, PolicyPublished policy) =>
        AlignmentCheck.Of(record, policy, PublicSuffixList.Default);

    /// <summary>Organisational domains as a tree walk without any record sees them: every name is its own.</summary>
    private sealed class EachNameItsOwn : IOrganizationalDomains
    {
        public string Of(string domain) => domain.ToLowerInvariant();
    }
}
