using System.Text;
using System.Text.Json;

namespace Dmarc.Cli.Tests;

/// <summary>Files, folders (recursive, sorted), standard input, and files that cannot be opened.</summary>
public sealed class InputWalkingTests
{
    [Fact]
    public async Task A_folder_is_read_recursively_in_sorted_order_and_named_as_given()
    {
        using var folder = new TempFolder();
        folder.Write("b/z.xml", AggregateXml.Report(id: "bz", records: [AggregateXml.Record("192.0.2.1", 1)]));
        folder.Write("a.xml", AggregateXml.Report(id: "a", records: [AggregateXml.Record("192.0.2.1", 1)]));
        folder.Write("b/c/y.xml", AggregateXml.Report(id: "bcy", records: [AggregateXml.Record("192.0.2.1", 1)]));
        folder.Write("c.xml", AggregateXml.Report(id: "c", records: [AggregateXml.Record("192.0.2.1", 1)]));

        var result = await CliRun.Dmarc("parse", folder.Path + Path.DirectorySeparatorChar);

        Assert.Equal(
            [Path.Join(folder.Path, "a.xml"), Path.Join(folder.Path, "b", "c", "y.xml"), Path.Join(folder.Path, "b", "z.xml"), Path.Join(folder.Path, "c.xml")],
            SourceFiles(result));
    }

    [Fact]
    public async Task A_dash_reads_standard_input()
    {
        var xml = AggregateXml.Report(records: [AggregateXml.Record("192.0.2.1", 1)]);

        var result = await CliRun.WithInput(Encoding.UTF8.GetBytes(xml), "parse", "-");

        Assert.Equal(ExitCodes.AllRead, result.ExitCode);
        Assert.Equal(["-"], SourceFiles(result));
    }

    [Fact]
    public async Task A_file_that_cannot_be_opened_is_an_invalid_line_not_a_crash()
    {
        using var folder = new TempFolder();
        folder.Write("good.xml", AggregateXml.Report(records: [AggregateXml.Record("192.0.2.1", 1)]));
        File.CreateSymbolicLink(Path.Combine(folder.Path, "dangling.xml"), Path.Combine(folder.Path, "nowhere.xml"));

        var result = await CliRun.Dmarc("parse", folder.Path);

        Assert.Equal(ExitCodes.SomeUnreadable, result.ExitCode);
        using var dangling = JsonDocument.Parse(result.Lines[0]);
        Assert.Equal("invalid", dangling.RootElement.GetProperty("report_type").GetString());
        Assert.StartsWith("cannot read the file", dangling.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("\"report_type\":\"aggregate\"", result.Lines[1]);
    }

    private static string[] SourceFiles(CliResult result) =>
        [.. result.Lines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("source_file").GetString() ?? "")];
}
