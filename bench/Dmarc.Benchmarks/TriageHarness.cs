using System.Globalization;
using System.Runtime.InteropServices;
using Dmarc.ReportGenerator;
using Dmarc.Reports;
using Dmarc.Reports.Triage;

namespace Dmarc.Benchmarks;

/// <summary>
/// Triage of a mixed report mailbox: N small mails (aggregate, TLS and failure reports, and junk) decided one by one,
/// from memory, warm, as the parser service will; once on one thread and once on every core. Quotes mails/s.
/// </summary>
public static class TriageHarness
{
    public static int Run(string[] args)
    {
        var mails = HarnessOptions.Int(args, "--mails", 10_000);
        var junkPercent = HarnessOptions.Int(args, "--junk-percent", 10);
        var iterations = HarnessOptions.Int(args, "--iterations", 5);
        var mailbox = MixedMailbox.Generate(mails, junkPercent, seed: 1).Select(mail => (mail.Name, mail.Mail)).ToArray();
        var bytes = mailbox.Sum(mail => (long)mail.Mail.Length);
        Console.WriteLine($"mailbox: {mails:N0} mails ({junkPercent}% junk), {bytes / 1e6:F1} MB; {iterations} iterations after warm-up; "
            + $"{RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}");

        var destinations = TriageAll(mailbox, parallel: false);
        Console.WriteLine("decisions: " + string.Join(", ", destinations.OrderBy(d => d.Key).Select(d => $"{d.Value:N0} {d.Key}")));

        var single = new Measurement("one thread");
        var all = new Measurement($"{Environment.ProcessorCount} threads");
        for (var i = 0; i < iterations; i++)
        {
            single.Run(() => TriageAll(mailbox, parallel: false));
            all.Run(() => TriageAll(mailbox, parallel: true));
        }

        Console.WriteLine($"{"",-12}{"median s",10}{"fastest s",11}{"mails/s",12}{"MB/s",8}{"alloc KB/mail",15}");
        foreach (var measurement in new[] { single, all })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{measurement.Name,-12}{measurement.MedianSeconds,10:F3}{measurement.FastestSeconds,11:F3}{mails / measurement.MedianSeconds,12:N0}"
                + $"{bytes / 1e6 / measurement.MedianSeconds,8:F1}{measurement.MedianAllocatedBytes / mails / 1024,15:N1}"));
        }

        return 0;
    }

    private static Dictionary<MailDestination, int> TriageAll((string Name, byte[] Mail)[] mailbox, bool parallel)
    {
        var reader = new ReportReader();
        var counts = new int[Enum.GetValues<MailDestination>().Length];
        void Triage((string Name, byte[] Mail) mail)
        {
            using var stream = new MemoryStream(mail.Mail, writable: false);
            foreach (var result in reader.Triage(stream, mail.Name))
            {
                Interlocked.Increment(ref counts[(int)result.Destination]);
            }
        }

        if (parallel)
        {
            Parallel.ForEach(mailbox, Triage);
        }
        else
        {
            Array.ForEach(mailbox, Triage);
        }

        return Enum.GetValues<MailDestination>().ToDictionary(destination => destination, destination => counts[(int)destination]);
    }
}
