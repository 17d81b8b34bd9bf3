using System.Text.RegularExpressions;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Gongjiang.Web.Tests.Architecture;

/// <summary>
/// Issue 10 (one clock everywhere): production code takes the time from the DI <see cref="TimeProvider"/>, so tests
/// move <c>TestApp.Clock</c> and every page, job and rule sees the same instant. The compiled Web assembly (pages
/// included) must not read <see cref="DateTime.Now"/>, <see cref="DateTime.UtcNow"/>, <see cref="DateTime.Today"/>,
/// <see cref="DateTimeOffset.Now"/> or <see cref="DateTimeOffset.UtcNow"/>; China's offset is written once, in
/// <c>Platform/ChinaTime.cs</c>.
/// </summary>
public sealed partial class OneClockTests
{
    private static readonly HashSet<string> ClockMembers =
    [
        "System.DateTime::get_Now", "System.DateTime::get_UtcNow", "System.DateTime::get_Today",
        "System.DateTimeOffset::get_Now", "System.DateTimeOffset::get_UtcNow",
    ];

    [Fact]
    public void Production_code_never_reads_the_system_clock_directly()
    {
        var offenders = ClockReaders(typeof(Program).Assembly.Location);

        Assert.True(offenders.Count == 0, "绕过注入时钟（TimeProvider）读取系统时间的方法：" + string.Join("、", offenders));
    }

    [Fact]
    public void The_scan_finds_a_method_that_reads_the_system_clock()
    {
        var offenders = ClockReaders(typeof(OneClockTests).Assembly.Location);
        var reader = typeof(ClockReader).FullName!.Replace('+', '/'); // Cecil writes nested types with '/'

        Assert.Contains(reader + "::" + nameof(ClockReader.Now), offenders);
        Assert.Contains(reader + "::" + nameof(ClockReader.Today), offenders);
    }

    [Fact]
    public void China_offset_is_written_only_in_ChinaTime()
    {
        var root = ModuleContractTests.RepositoryRoot();
        var web = Path.Combine(root, "src", "Gongjiang.Web");
        var offenders = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".cs", StringComparison.Ordinal) || p.EndsWith(".razor", StringComparison.Ordinal))
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Where(p => !p.Contains("/obj/", StringComparison.Ordinal) && !p.Contains("/bin/", StringComparison.Ordinal))
            .Where(p => p != "src/Gongjiang.Web/Platform/ChinaTime.cs")
            .Where(p => ChinaOffset().IsMatch(File.ReadAllText(Path.Combine(root, p))))
            .ToList();

        Assert.True(offenders.Count == 0, "自行写了东八区偏移（请用 Platform.ChinaTime）的文件：" + string.Join("、", offenders));
        Assert.Matches(ChinaOffset(), "new DateTimeOffset(d, TimeSpan.FromHours(8))"); // the pattern is not vacuous
    }

    /// <summary>"Type::Method" of every method whose IL reads one of <see cref="ClockMembers"/>.</summary>
    private static List<string> ClockReaders(string assemblyPath)
    {
        using var assembly = AssemblyDefinition.ReadAssembly(assemblyPath);
        return [.. assembly.MainModule.GetTypes()
            .SelectMany(t => t.Methods)
            .Where(m => m.HasBody && m.Body.Instructions.Any(ReadsClock))
            .Select(m => m.DeclaringType.FullName + "::" + m.Name)
            .Distinct()
            .Order(StringComparer.Ordinal)];
    }

    private static bool ReadsClock(Instruction instruction) =>
        instruction.Operand is MethodReference method && ClockMembers.Contains(method.DeclaringType.FullName + "::" + method.Name);

    [GeneratedRegex(@"FromHours\(\s*8\s*\)|new\s+TimeSpan\(\s*8\s*,|""\+08:00""")]
    private static partial Regex ChinaOffset();

    /// <summary>A deliberate offender in the test assembly, so the scan is shown to find one.</summary>
    internal static class ClockReader
    {
        public static DateTimeOffset Now() => DateTimeOffset.UtcNow;

        public static DateOnly Today() => DateOnly.FromDateTime(DateTime.Today);
    }
}
