namespace Dmarc.Cli.Tests;

/// <summary>0: every input read; 1: some held no report (still printed); 2: usage error or missing path, nothing read.</summary>
public sealed class ExitCodeTests
{
    [Theory]
    [InlineData("parse")]
    [InlineData("analyze")]
    public async Task All_inputs_read_is_zero(string command)
    {
        using var folder = new TempFolder();
        var file = folder.Write("report.xml", AggregateXml.Report(records: [AggregateXml.Record("192.0.2.1", 1)]));

        Assert.Equal(ExitCodes.AllRead, (await CliRun.Dmarc(command, file)).ExitCode);
    }

    [Theory]
    [InlineData("parse")]
    [InlineData("analyze")]
    public async Task Some_inputs_without_a_report_is_one(string command)
    {
        using var folder = new TempFolder();
        folder.Write("report.xml", AggregateXml.Report(records: [AggregateXml.Record("192.0.2.1", 1)]));
        folder.Write("notes.txt", "not a report");

        Assert.Equal(ExitCodes.SomeUnreadable, (await CliRun.Dmarc(command, folder.Path)).ExitCode);
    }

    [Theory]
    [InlineData("parse")]
    [InlineData("analyze")]
    public async Task A_missing_path_is_two_and_nothing_is_read(string command)
    {
        using var folder = new TempFolder();
        var file = folder.Write("report.xml", AggregateXml.Report(records: [AggregateXml.Record("192.0.2.1", 1)]));

        var result = await CliRun.Dmarc(command, file, Path.Combine(folder.Path, "missing.xml"));

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("path not found", result.Error);
        Assert.Empty(result.Out);
    }

    [Theory]
    [InlineData("parse", "--format", "yaml", "x.xml")]
    [InlineData("parse")]
    [InlineData("frobnicate")]
    [InlineData]
    public async Task A_wrong_command_line_is_two(params string[] args)
    {
        var result = await CliRun.Dmarc(args);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("dmarc --help", result.Error);
    }

    [Fact]
    public async Task Help_documents_the_exit_codes()
    {
        var result = await CliRun.Dmarc("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("0 = all inputs read; 1 = some inputs were invalid or not reports (still printed), or for triage: some mail is Invalid; 2 = usage error or path not found", result.Out);
    }
}
