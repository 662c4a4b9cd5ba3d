using System.Text.Json;

namespace Dmarc.Reports.Tests.Conformance;

/// <summary>
/// The shared corpus of real reports (never copied into this repository) and parsedmarc's JSON of each file.
/// The corpus is <c>$DMARC_CORPUS</c> when set, otherwise <c>shared/corpus</c> beside the repository;
/// parsedmarc's JSON is in <c>corpus-expected</c> beside the corpus, at the file's path plus <c>.json</c>.
/// </summary>
internal static class Corpus
{
    /// <summary>The one theory row there is when the corpus cannot be found, so that the test can say so.</summary>
    public const string Missing = "(corpus not found)";

    public static string Configured { get; } = Environment.GetEnvironmentVariable("DMARC_CORPUS") is { Length: > 0 } configured
        ? Path.GetFullPath(configured)
        : DefaultLocation();

    /// <summary>The corpus folder, or null when it does not exist.</summary>
    public static string? Folder => Directory.Exists(Configured) ? Configured : null;

    public static string ExpectedFolder => Path.Combine(Path.GetDirectoryName(Configured.TrimEnd(Path.DirectorySeparatorChar)) ?? ".", "corpus-expected");

    /// <summary>Every file of the corpus as a relative path with '/' separators; its README and dot files are not reports.</summary>
    public static IEnumerable<string> Files()
    {
        if (Folder is not { } folder)
        {
            return [];
        }

        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(path => path != "README.md" && !Path.GetFileName(path).StartsWith('.'))
            .Order(StringComparer.Ordinal);
    }

    public static string PathOf(string file) => Path.Combine(Configured, file);

    /// <summary>parsedmarc's result for <paramref name="file"/>: <c>report_type</c> and <c>report</c> (or <c>error</c>).</summary>
    public static JsonDocument Expected(string file)
    {
        var path = Path.Combine(ExpectedFolder, file + ".json");
        Assert.True(File.Exists(path), $"parsedmarc's JSON for {file} is missing: {path}");
        return JsonDocument.Parse(File.ReadAllBytes(path));
    }

    /// <summary>Fails on CI (the corpus is part of the build there) and skips elsewhere when the corpus is not found.</summary>
    public static void Require()
    {
        var missing = Folder is null;
        var message = $"the DMARC report corpus is not at {Configured}; set DMARC_CORPUS to the corpus folder";
        if (missing && Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
        {
            Assert.Fail(message + " (CI is set: the corpus is required)");
        }

        Assert.SkipWhen(missing, message);
    }

    /// <summary><c>shared/corpus</c> next to the repository that holds this test (the folder with Dmarc.sln).</summary>
    private static string DefaultLocation()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Dmarc.sln")))
            {
                return Path.Combine(folder.Parent?.FullName ?? folder.FullName, "shared", "corpus");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "corpus");
    }
}
