using System.Text;
using PartnerWatch.Cli;

// One program, the service and the command-line tool (interface.md). The pipeline it runs, stage by stage —
// config → schedule → fetch → detect → compare → store → alert → status — is registered in
// Hosting/PipelineServiceCollectionExtensions.cs and Cli/ServeCommand.cs.

// GBK, Big5, Shift_JIS… pages must decode; .NET only ships UTF-* and Latin-1 without this provider.
Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

var (cli, error) = CliArguments.Parse(args);
if (cli is null)
{
    Console.Error.WriteLine($"error: {error}");
    Console.Error.WriteLine(CliArguments.Usage);
    return ExitCodes.UsageOrConfig;
}
if (cli.Help)
{
    Console.WriteLine(CliArguments.Usage);
    return ExitCodes.Ok;
}

// Ctrl-C/SIGTERM: the service's host handles them itself; the one-shot commands cancel cleanly.
using var cancel = new CancellationTokenSource();
using var sigterm = cli.Command is "scan" or "validate"
    ? System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; cancel.Cancel(); })
    : null;
if (cli.Command is "scan" or "validate")
{
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
}

try
{
    return cli.Command switch
    {
        "validate" => ValidateCommand.Run(cli, Console.Out),
        "scan" => await ScanCommand.RunAsync(cli, Console.Out, Console.Error, cancel.Token),
        "demo" => await DemoCommand.RunAsync(cli, Console.Error, cancel.Token),
        "hash-password" => PartnerWatch.WebConsole.HashPasswordCommand.Run(Console.In, Console.Out, Console.Error, !Console.IsInputRedirected),
        _ => await ServeCommand.RunAsync(cli, Console.Error, cancel.Token),
    };
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("interrupted; nothing of the unfinished scan was stored");
    return ExitCodes.Interrupted;
}
catch (Exception ex)
{
    // No stack trace for users; the reason in one line (a data directory that cannot be written, a full disk…).
    Console.Error.WriteLine($"error: {ex.Message}");
    return ExitCodes.StartupFailed;
}
