using System.Reflection;
using Gongjiang.Core.Common;

namespace Gongjiang.Core.Tests.Architecture;

/// <summary>DESIGN.md: Core is pure — no ASP.NET, no EF, no clock, no I/O — so rules can be read and replayed.</summary>
public sealed class CorePurityTests
{
    private static readonly Assembly Core = typeof(Result<>).Assembly;

    [Theory]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("Npgsql")]
    [InlineData("Microsoft.Data.Sqlite")]
    [InlineData("Gongjiang.Web")]
    public void Core_references_no_framework_or_data_assembly(string prefix)
    {
        var references = Core.GetReferencedAssemblies().Select(a => a.Name ?? "");

        Assert.DoesNotContain(references, r => r.StartsWith(prefix, StringComparison.Ordinal));
    }

    [Fact]
    public void Core_types_do_not_take_a_TimeProvider()
    {
        var offenders = Core.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(TimeProvider)))
            .Select(m => m.DeclaringType!.Name + "." + m.Name)
            .ToList();

        Assert.Empty(offenders);
    }
}
