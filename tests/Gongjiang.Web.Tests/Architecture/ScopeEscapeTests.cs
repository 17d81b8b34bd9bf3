using System.Text.RegularExpressions;

namespace Gongjiang.Web.Tests.Architecture;

/// <summary>
/// Issue 10 / ADR 0002: scope is applied in one place. The ways around the scope filter are named
/// (<c>Platform/Data/ScopeEscapes.cs</c>) and listed here: a new <c>IgnoreQueryFilters</c>, <c>ExecuteUpdate</c> or
/// <c>ExecuteDelete</c> anywhere else, or a new cross-jurisdiction read (<c>Unscoped&lt;T&gt;(reason)</c>) that is not in
/// <see cref="KnownUnscopedReads"/>, fails the build's tests — so each one is a reviewed decision.
/// </summary>
public sealed partial class ScopeEscapeTests
{
    /// <summary>Where the raw EF escapes may appear: the escape helpers themselves.</summary>
    private static readonly string[] EscapeHelpers = ["src/Gongjiang.Web/Platform/Data/ScopeEscapes.cs"];

    /// <summary>Every audited read across jurisdictions: file → entity types it reads unscoped, and why.</summary>
    private static readonly Dictionary<string, string[]> KnownUnscopedReads = new(StringComparer.Ordinal)
    {
        // Is this ID number registered elsewhere (refuse or move the row, never shown); employers by credit code.
        ["src/Gongjiang.Web/Features/Registry/Imports/ImportService.cs"] = ["Enterprise", "Person"],
        // A person's record as of a date names the employer of that day, which may be registered in another region.
        ["src/Gongjiang.Web/Features/Registry/Persons/PersonHistory.cs"] = ["Enterprise"],
        // The department list shows each employer's credit code, wherever the employer is registered.
        ["src/Gongjiang.Web/Features/Publication/Feed/DepartmentFeed.cs"] = ["Enterprise"],

        // Wage levels are computed from every jurisdiction's confirmed reports (policy 四(一)); only aggregates are written.
        ["src/Gongjiang.Web/Features/Wages/WageLevelTable.cs"] = ["WageReportLine"],
        // Publication: employers' names and credit codes; the nationwide sequence number; the public receipt lookup.
        ["src/Gongjiang.Web/Features/Publication/PublicationUseCases.cs"] = ["Data.Publication", "Enterprise", "Objection", "PublicationEntry"],
        // Skills: a certificate number is unique nationwide (is it used anywhere? never shown).
        ["src/Gongjiang.Web/Features/Registry/SkillCertificateRegistry.cs"] = ["SkillCertificate"],
        // Window: the region's day sequence of receipt numbers (a count); the public progress query by receipt number and
        // applicant name (both must match; only status, item and the steps' dates and actions are read).
        ["src/Gongjiang.Web/Features/Window/Requests/RequestService.cs"] = ["RequestStep", "ServiceRequest"],
    };

    /// <summary>Who may write telemetry without an audit record (a job's lease and progress).</summary>
    private static readonly string[] TelemetryWriters = ["src/Gongjiang.Web/Platform/Jobs/JobRunner.cs", "src/Gongjiang.Web/Platform/Data/ScopeEscapes.cs"];

    [Fact]
    public void No_code_bypasses_the_scope_filter_or_the_write_check_except_through_the_named_escapes()
    {
        var offenders = SourceFiles()
            .Where(f => !EscapeHelpers.Contains(f.Path, StringComparer.Ordinal))
            .SelectMany(f => RawEscape().Matches(f.Text).Select(m => $"{f.Path}: {m.Value}"))
            .ToList();

        Assert.True(offenders.Count == 0,
            "Use db.Unscoped<T>(reason), db.PublicView<T>(), db.UpdateInScopeAsync or db.DeleteInScopeAsync instead of:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void Every_cross_jurisdiction_read_is_a_listed_decision()
    {
        var found = SourceFiles()
            .Select(f => (f.Path, Types: UnscopedCall().Matches(f.Text).Select(m => m.Groups["type"].Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray()))
            .Where(f => f.Types.Length > 0 && !EscapeHelpers.Contains(f.Path, StringComparer.Ordinal))
            .ToDictionary(f => f.Path, f => f.Types, StringComparer.Ordinal);

        var unlisted = found.Where(f => !KnownUnscopedReads.TryGetValue(f.Key, out var known) || !f.Value.All(known.Contains))
            .Select(f => $"{f.Key}: {string.Join(", ", f.Value)}").ToList();
        var stale = KnownUnscopedReads.Where(k => !found.TryGetValue(k.Key, out var types) || !k.Value.All(types.Contains))
            .Select(k => $"{k.Key}: {string.Join(", ", k.Value)}").ToList();

        Assert.True(unlisted.Count == 0, "New unscoped reads — list them in KnownUnscopedReads with the reason, after review:\n" + string.Join('\n', unlisted));
        Assert.True(stale.Count == 0, "Listed unscoped reads no longer in the code — remove them from the list:\n" + string.Join('\n', stale));
    }

    [Fact]
    public void Every_unscoped_read_names_its_reason()
    {
        var anonymous = SourceFiles()
            .SelectMany(f => UnscopedCall().Matches(f.Text).Where(m => m.Groups["reason"].Value.Trim() is "" or "null" or "\"\"").Select(m => $"{f.Path}: {m.Value}"))
            .ToList();
        Assert.Empty(anonymous);
    }

    [Fact]
    public void Only_the_job_runner_writes_telemetry_without_an_audit_record()
    {
        var callers = SourceFiles()
            .Where(f => f.Text.Contains("UpdateTelemetryAsync", StringComparison.Ordinal))
            .Select(f => f.Path)
            .ToList();
        Assert.All(callers, c => Assert.Contains(c, TelemetryWriters));
    }

    private static IEnumerable<(string Path, string Text)> SourceFiles()
    {
        var root = ModuleContractTests.RepositoryRoot();
        var web = Path.Combine(root, "src", "Gongjiang.Web");
        return Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".cs", StringComparison.Ordinal) || p.EndsWith(".razor", StringComparison.Ordinal))
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Where(p => !p.Contains("/obj/", StringComparison.Ordinal) && !p.Contains("/bin/", StringComparison.Ordinal) && !p.Contains("/Migrations/", StringComparison.Ordinal))
            .Select(p => (p, File.ReadAllText(Path.Combine(root, p))));
    }

    [GeneratedRegex(@"\.(IgnoreQueryFilters|ExecuteUpdate|ExecuteDelete)\w*\(")]
    private static partial Regex RawEscape();

    [GeneratedRegex(@"\.Unscoped<(?<type>[\w.]+)>\((?<reason>[^)]*)\)")]
    private static partial Regex UnscopedCall();
}
