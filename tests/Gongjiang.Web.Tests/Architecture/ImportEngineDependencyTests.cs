using Gongjiang.Web.Platform.Imports;
using NetArchTest.Rules;

namespace Gongjiang.Web.Tests.Architecture;

/// <summary>
/// ADR 0017: the import engine is shared by every module, so it knows none of them — a module describes its file with
/// an <see cref="ImportSchema"/>, the engine never reaches into <c>Features</c>.
/// </summary>
public sealed class ImportEngineDependencyTests
{
    private const string Engine = "Gongjiang.Web.Platform.Imports";

    [Fact]
    public void The_import_engine_does_not_depend_on_any_feature_module()
    {
        var engineTypes = Types.InAssembly(typeof(ImportSchema).Assembly).That().ResideInNamespace(Engine).GetTypes().ToList();
        Assert.Contains(typeof(TabularImport), engineTypes); // the rule below is not vacuous

        var result = Types.InAssembly(typeof(ImportSchema).Assembly)
            .That().ResideInNamespace(Engine)
            .ShouldNot().HaveDependencyOn("Gongjiang.Web.Features")
            .GetResult();

        Assert.True(result.IsSuccessful, "引用了功能模块的导入引擎类型：" + string.Join("、", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_rule_sees_a_dependency_on_features_where_there_is_one()
    {
        // The registry's schemas use the engine and live in Features: the same check must catch that direction.
        var result = Types.InAssembly(typeof(ImportSchema).Assembly)
            .That().ResideInNamespace("Gongjiang.Web.Features.Registry.Imports")
            .ShouldNot().HaveDependencyOn(Engine)
            .GetResult();

        Assert.False(result.IsSuccessful);
    }
}
