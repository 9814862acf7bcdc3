using System.Text.Json;
using PartnerWatch.Detect;
using PartnerWatch.Domain;
using PartnerWatch.Scan;
using Spectre.Console;

namespace PartnerWatch.Cli;

/// <summary>The end of a <c>scan</c>: a table of the sites, the claims with their evidence, and one line per failed site.</summary>
public static class ScanSummary
{
    private const int EvidenceShown = 3;
    private const int ErrorsShown = 3;

    /// <summary>A console on a writer: plain ASCII and no colour unless it is the process's own terminal.</summary>
    public static IAnsiConsole ConsoleFor(TextWriter writer)
    {
        var terminal = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = 160;
            console.Profile.Capabilities.Unicode = false;
        }
        return console;
    }

    public static void WriteTable(IAnsiConsole console, ScanTally report, TimeSpan elapsed)
    {
        var table = new Table { Border = console.Profile.Capabilities.Unicode ? TableBorder.Rounded : TableBorder.Ascii }
            .AddColumn("Site")
            .AddColumn(new TableColumn("Pages").RightAligned())
            .AddColumn(new TableColumn("Unverified").RightAligned())
            .AddColumn(new TableColumn("Confirmed").RightAligned())
            .AddColumn(new TableColumn("Errors").RightAligned())
            .AddColumn(new TableColumn("Time").RightAligned())
            .AddColumn("Result");
        foreach (var site in report.Sites)
        {
            var unverified = site.Unverified;
            var result = site.Failed ? "[red]not scanned[/]"
                : unverified > 0 ? "[yellow]unverified claim[/]"
                : site.Errors > 0 ? "ok, some pages failed"
                : "[green]ok[/]";
            table.AddRow(
                Markup.Escape(site.Site),
                site.PagesScanned.ToString(System.Globalization.CultureInfo.InvariantCulture),
                unverified.ToString(System.Globalization.CultureInfo.InvariantCulture),
                site.Confirmed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                site.Errors.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Seconds(site.FinishedAt - site.StartedAt),
                result);
        }
        table.Caption($"{report.Sites.Count} sites in {Seconds(elapsed)}");
        console.Write(table);
    }

    public static void WriteDetails(TextWriter stdout, IEnumerable<SiteScanResult> sites)
    {
        foreach (var site in sites)
        {
            foreach (var claim in site.Claims)
            {
                stdout.WriteLine($"{claim.Status.ToString().ToLowerInvariant(),-10} {site.Site} shows {claim.Brand} (confidence {claim.Confidence:0.00})");
                foreach (var evidence in claim.Evidence.Take(EvidenceShown))
                    stdout.WriteLine($"    {JsonSerializer.Serialize(evidence.Kind, JsonOutput.Options).Trim('"'),-10} {evidence.PageUrl}  {evidence.Detail}");
                if (claim.Evidence.Count > EvidenceShown)
                    stdout.WriteLine($"    … {claim.Evidence.Count - EvidenceShown} more (scan --json lists all)");
            }
            if (!site.Failed)
            {
                foreach (var error in site.Errors.Take(ErrorsShown))
                    stdout.WriteLine($"page error {site.Site}  {error.Url}: {error.Message}");
                if (site.Errors.Count > ErrorsShown)
                    stdout.WriteLine($"    … {site.Errors.Count - ErrorsShown} more page errors (scan --json lists all)");
            }
        }
    }

    /// <summary>
    /// <c>scan --mentions</c>: one "seen, not claimed" line per brand and site, with the best signal's context, so a
    /// reader sees why no claim (and no alert) came of a brand the site shows.
    /// </summary>
    public static void WriteMentions(TextWriter stdout, IEnumerable<(SiteScanResult Site, IReadOnlyList<SiteMention> Mentions)> sites)
    {
        foreach (var (site, mentions) in sites)
        {
            foreach (var mention in mentions)
            {
                var why = mention.Strongest.Count > 0 ? mention.Strongest[0].Context : "no signal kept";
                var dropped = mention.Dropped.Count > 0 ? $"; dropped: {string.Join(", ", mention.Dropped.Select(d => $"{d.Key} ×{d.Value}"))}" : "";
                stdout.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"seen, not claimed {site.Site} {mention.Brand} (confidence {mention.Confidence:0.00}, {mention.Signals} signal{(mention.Signals == 1 ? "" : "s")}): {why}{dropped}"));
            }
        }
    }

    /// <summary>One line per site that could not be scanned at all, with the first reason: no stack trace, no retries.</summary>
    public static void WriteFailedSites(TextWriter stderr, ScanTally report)
    {
        foreach (var site in report.Sites.Where(s => s.Failed))
        {
            var more = site.Errors > 1 ? $" (+{site.Errors - 1} more)" : "";
            stderr.WriteLine($"error: {site.Site} could not be scanned: {site.FirstError ?? "no page fetched"}{more}");
        }
    }

    /// <summary>The last line: what the exit code means, in words.</summary>
    public static string Verdict(ScanTally report, int exitCode)
    {
        var unverified = report.UnverifiedClaims;
        var failed = report.FailedSites;
        var notScanned = failed > 0 ? $"; {failed} of {report.Sites.Count} sites could not be scanned" : "";
        return exitCode switch
        {
            ExitCodes.UnverifiedClaims => $"Result: {unverified} unverified claim{(unverified == 1 ? "" : "s")}{notScanned} (exit 1)",
            ExitCodes.SitesNotScanned => $"Result: no unverified claim{notScanned} (exit 4)",
            _ => $"Result: no unverified claim; all {report.Sites.Count} sites scanned (exit 0)",
        };
    }

    private static string Seconds(TimeSpan span) =>
        span.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " s";
}
