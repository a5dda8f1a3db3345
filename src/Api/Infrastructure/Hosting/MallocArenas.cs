using System.Runtime.InteropServices;

namespace CustomerCare.Api.Infrastructure.Hosting;

/// <summary>
/// Bounds glibc's malloc arenas, as <c>MALLOC_ARENA_MAX</c> would, unless that variable is set. glibc gives threads that
/// allocate at the same time arenas of their own, up to eight per core, and keeps what each arena once held: under
/// load the API's native allocations (Npgsql's and the runtime's buffers, TLS, the JIT) were spread over many arenas
/// and held ~15–20 MB more resident memory than with two, at the same throughput (docs/performance.md). Called first
/// thing, before the host starts its threads. Elsewhere than glibc (musl, macOS, Windows) it does nothing.
/// <para>
/// It comes too late for the runtime's own threads: by <c>Main</c> they have made ~6 arenas of their own (glibc makes
/// one for each new thread that allocates until it has eight), and a limit set now only stops more. So the image, the run
/// script and the benchmark set <c>MALLOC_ARENA_MAX=2</c>, which binds from the first allocation (side runs of the
/// benchmark's scenarios: 282–289 MB peak with it, 302–310 MB with this call alone); this call is for a launch without it.
/// </para>
/// </summary>
internal static class MallocArenas
{
    public const int Default = 2;

    private const int ArenaMax = -8; // M_ARENA_MAX in glibc's malloc.h

    /// <summary>What <see cref="LimitAtStart"/> answered; null until the program has called it.</summary>
    public static bool? LimitedAtStart { get; private set; }

    /// <summary>The program's call, first thing: <see cref="Limit"/>, its answer kept in <see cref="LimitedAtStart"/>.</summary>
    public static void LimitAtStart() => LimitedAtStart ??= Limit();

    /// <summary>Whether the limit was set (false: not glibc, or MALLOC_ARENA_MAX decides).</summary>
    public static bool Limit(int arenas = Default)
    {
        if (!OperatingSystem.IsLinux() || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX")))
        {
            return false;
        }

        try
        {
            return MallOpt(ArenaMax, arenas) == 1;
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return false; // a C library without mallopt
        }
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int MallOpt(int parameter, int value);
}
