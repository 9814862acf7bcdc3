using System.Globalization;
using System.Text.Json;

namespace PartnerWatch.Tests.Hosting;

/// <summary>
/// The memory settings the program runs with (docs/performance.md, "Session 7: memory"): what keeps a scan's peak RSS
/// under 200 MB is not in the code paths but in how the runtime and glibc are told to hold memory, so a build that
/// drops one of them would only show up in the benchmark.
/// </summary>
public sealed class MemorySettingsTests
{
    [Fact]
    public void TheProgramStartsWithASmallYoungGenerationAndACompactedLargeObjectHeap()
    {
        // The file the runtime reads when `dotnet PartnerWatch.dll` starts (the tests run that same file as users do).
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "PartnerWatch.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.False(properties.GetProperty("System.GC.Concurrent").GetBoolean());
        // Without a cap the gen-0 budget follows the L3 size the CPU reports, up to 128 MB (hundreds of MB on cloud VMs).
        Assert.InRange(Number(properties.GetProperty("System.GC.Gen0MaxBudget")), 1L << 20, 8L << 20);
        Assert.InRange(Number(properties.GetProperty("System.GC.ConserveMemory")), 1, 9);
    }

    private static long Number(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? value.GetInt64() : long.Parse(value.GetString()!, CultureInfo.InvariantCulture);
}
