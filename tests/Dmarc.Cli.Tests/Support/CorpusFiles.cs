using System.Text.Json;

namespace Dmarc.Cli.Tests.Support;

/// <summary>
/// The shared corpus of real reports and parsedmarc's JSON of each (never copied into this repository):
/// <c>$DMARC_CORPUS</c> when set, otherwise <c>shared/corpus</c> beside the repository; parsedmarc's JSON is in
/// <c>corpus-expected</c> beside the corpus, at the file's path plus <c>.json</c>.
/// </summary>
public static class CorpusFiles
{
    public static string Folder { get; } = Environment.GetEnvironmentVariable("DMARC_CORPUS") is { Length: > 0 } configured
        ? Path.GetFullPath(configured)
        : DefaultLocation();

    public static string ExpectedFolder =>
        Path.Combine(Path.GetDirectoryName(Folder.TrimEnd(Path.DirectorySeparatorChar)) ?? ".", "corpus-expected");

    /// <summary>Fails when CI is set (the corpus is part of the build there) and skips elsewhere when it is missing.</summary>
    public static void Require()
    {
        var missing = !Directory.Exists(Folder);
        var message = $"the DMARC report corpus is not at {Folder}; set DMARC_CORPUS to the corpus folder";
        if (missing && Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
        {
            Assert.Fail(message + " (CI is set: the corpus is required)");
        }

        Assert.SkipWhen(missing, message);
    }

    public static string PathOf(string file) => Path.Combine(Folder, file);

    public static JsonElement Expected(string file)
    {
        var path = Path.Combine(ExpectedFolder, file + ".json");
        Assert.True(File.Exists(path), $"parsedmarc's JSON for {file} is missing: {path}");
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.Clone();
    }

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
