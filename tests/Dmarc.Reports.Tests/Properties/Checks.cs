using FsCheck;

namespace Dmarc.Reports.Tests.Properties;

/// <summary>
/// Runs FsCheck properties inside xunit facts (FsCheck.Xunit.v3 needs xunit.v3 4.x). A failure throws with the
/// shrunk counter-example and the seed to replay it; the number of cases is kept small for a quick test run.
/// </summary>
internal static class Checks
{
    public static void Hold(Property property, int cases) =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(cases).WithQuietOnSuccess(true), property);
}
