namespace Dmarc.Reports.Tests.Limits;

/// <summary>
/// Inputs the fuzzer (fuzz/run.sh) found to break a promise of the reader, kept as they were found in
/// <c>Limits/Regressions/</c> (named by what they broke) and read again here, so that each bug stays fixed.
/// </summary>
public sealed class FuzzRegressionTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Limits", "Regressions");

    public static TheoryData<string> Inputs() => [.. Directory.EnumerateFiles(Folder).Select(file => Path.GetFileName(file)).Order(StringComparer.Ordinal)];

    [Fact]
    public void The_regressions_are_there()
    {
        Assert.True(Directory.Exists(Folder), $"{Folder} is missing: the inputs are not copied to the output");
        Assert.NotEmpty(Inputs());
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void A_found_input_keeps_every_promise(string name)
    {
        var input = File.ReadAllBytes(Path.Combine(Folder, name));

        var cost = Cost.OfReading(input, Fuzzing.Limits).Within(Cost.Seconds10, 256 * Cost.MiB);

        ReaderPromises.ReadAndCheck(input, Fuzzing.Limits);
        Assert.NotEmpty(cost.Outcomes);
    }
}
