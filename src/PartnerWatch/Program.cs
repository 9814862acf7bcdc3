using System.CommandLine;
using System.CommandLine.Invocation;
using System.Text;
using PartnerWatch.Cli;

// One program, the service and the command-line tool (interface.md). The pipeline it runs, stage by stage —
// config → schedule → fetch → detect → compare → store → alert → status — is registered in
// Hosting/PipelineServiceCollectionExtensions.cs and Cli/ServeCommand.cs; the command line in Cli/PartnerWatchCommandLine.cs.

// Before any worker thread mallocs: native image memory goes back to the system when freed (Hosting/NativeHeapLimits.cs).
PartnerWatch.Hosting.NativeHeapLimits.Apply();

// GBK, Big5, Shift_JIS… pages must decode; .NET only ships UTF-* and Latin-1 without this provider.
Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

var parsed = PartnerWatchCommandLine.Parse(args);
var invocation = new InvocationConfiguration
{
    // Signals are handled below (one-shot commands) or by the service's host; exceptions by the catch below.
    ProcessTerminationTimeout = null,
    EnableDefaultExceptionHandler = false,
};
if (parsed.Errors.Count > 0)
{
    // The parser prints each error and its "Did you mean …?" suggestions; the contract's exit code for bad usage is 2.
    if (parsed.Action is ParseErrorAction errors)
        errors.ShowHelp = false;
    await parsed.InvokeAsync(invocation);
    var command = parsed.CommandResult.Command is RootCommand ? "" : parsed.CommandResult.Command.Name + " ";
    Console.Error.WriteLine($"Run 'PartnerWatch {command}--help' for usage.");
    return ExitCodes.UsageOrConfig;
}

// Ctrl-C/SIGTERM: the service's host handles them itself; the one-shot commands cancel cleanly.
var oneShot = parsed.CommandResult.Command.Name is "scan" or "validate";
using var cancel = new CancellationTokenSource();
using var sigterm = oneShot
    ? System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; cancel.Cancel(); })
    : null;
if (oneShot)
{
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
}

try
{
    return await parsed.InvokeAsync(invocation, cancel.Token);
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
