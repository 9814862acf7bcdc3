using System.Runtime.InteropServices;

namespace PartnerWatch.Hosting;

/// <summary>
/// Keeps glibc's malloc from holding freed native memory per thread. Skia allocates every decoded bitmap and copied image
/// (up to megabytes each) with malloc, on whichever thread-pool thread decodes it; glibc gives each such thread its own
/// arena (up to 8 per core) and keeps what is freed in it, and its dynamic mmap threshold moves multi-megabyte blocks into
/// those arenas after the first one is freed. Measured on a 75-site scan: ≈ 50 MB of peak RSS (docs/performance.md,
/// "Session 6: memory"). Two arenas and a fixed mmap threshold give large blocks back to the system when they are freed.
/// The threshold is 64 KB, the JIT's slab size: the runtime's JIT takes its working memory from malloc in 64 KB slabs,
/// and one optimised compile of a large method (the compiled regular expressions of the text rules) holds ≈ 30 MB of
/// them at once; below the threshold those slabs stayed resident in the arena after the compile ("Session 7: memory").
/// Set before any worker thread exists; the same as <c>MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=65536</c>.
/// </summary>
internal static partial class NativeHeapLimits
{
    private const int ArenaMaxOption = -8;      // M_ARENA_MAX in glibc's malloc.h
    private const int MmapThresholdOption = -3; // M_MMAP_THRESHOLD
    internal const int Arenas = 2;
    internal const int MmapThresholdBytes = 64 * 1024;

    /// <summary>Applies the limits on glibc Linux unless the operator set them in the environment; elsewhere (musl, macOS, Windows) does nothing.</summary>
    public static void Apply()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            if (Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is null)
                _ = mallopt(ArenaMaxOption, Arenas);
            if (Environment.GetEnvironmentVariable("MALLOC_MMAP_THRESHOLD_") is null)
                _ = mallopt(MmapThresholdOption, MmapThresholdBytes);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // Not glibc (Alpine's musl has no mallopt): its allocator has no per-thread arenas to limit.
        }
    }

    [DllImport("libc", ExactSpelling = true)]
    private static extern int mallopt(int param, int value);
}
