using Dmarc.Reports.Failure;

namespace Dmarc.Reports.Tests.Failure;

/// <summary>How a local part is found and replaced in the texts of a failure report.</summary>
public sealed class LocalPartRedactorTests
{
    private static readonly LocalPartRedactor _redactor = LocalPartRedactor.For(new FailureSamplePolicy { RedactLocalParts = true });

    [Theory]
    [InlineData("jane@example.com", "{jane}@example.com")]
    [InlineData("Jane Roe <jane@example.com>", "Jane Roe <{jane}@example.com>")]
    [InlineData("spf=pass smtp.mailfrom=jane@example.com", "spf=pass smtp.mailfrom={jane}@example.com")]
    [InlineData("envelope-from=jane@example.com; helo=x", "envelope-from={jane}@example.com; helo=x")]
    [InlineData("for <jane@example.com>; Tue", "for <{jane}@example.com>; Tue")]
    [InlineData("\"jane\"@example.com", "{jane}@example.com")]
    [InlineData("JANE@example.com", "{jane}@example.com")]
    [InlineData("jane@[192.0.2.1]", "{jane}@[192.0.2.1]")]
    [InlineData("no address here, just @mentions and a@ b", "no address here, just @mentions and a@ b")]
    public void Local_parts_are_replaced_and_everything_else_is_kept(string text, string expected)
    {
        var jane = _redactor.RedactLocalPart("jane");

        Assert.Equal(expected.Replace("{jane}", jane, StringComparison.Ordinal), _redactor.Redact(text));
    }

    [Fact]
    public void A_tagged_bounce_address_is_redacted_whole()
    {
        var redacted = _redactor.Redact("<bounces+1137616-c1ad-xsj399=163.com@email.example>");

        Assert.Matches("^<redacted-[0-9a-f]{8}@email\\.example>$", redacted);
    }

    [Fact]
    public void Redacting_twice_changes_nothing()
    {
        var once = _redactor.Redact("From: jane@example.com; smtp.mailfrom=bob@example.com");

        Assert.Equal(once, _redactor.Redact(once));
    }

    [Fact]
    public void Without_redaction_the_text_is_unchanged()
    {
        var off = LocalPartRedactor.For(FailureSamplePolicy.Default);

        Assert.Equal("jane@example.com", off.Redact("jane@example.com"));
    }
}
