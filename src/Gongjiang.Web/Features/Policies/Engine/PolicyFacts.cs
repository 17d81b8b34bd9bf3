using Gongjiang.Core.Policies;
using Gongjiang.Web.Features.Policies.Contracts;

namespace Gongjiang.Web.Features.Policies.Engine;

/// <summary>
/// The fact registry of this installation: <see cref="StandardFacts.All"/> plus every fact a module's
/// <see cref="IFactSource"/> declares, built once; and which module supplies each fact. Facts no source supplies may be
/// recorded for a person by a clerk (<see cref="Recordable"/>). Singleton: compiled rules and fact sets must share one
/// registry.
/// </summary>
public sealed class PolicyFacts
{
    private readonly Dictionary<string, string> _providers;

    public PolicyFacts(IEnumerable<(string Name, IReadOnlyList<FactDefinition> Declares, IReadOnlyCollection<string> Supplies)> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var list = sources.ToList();
        var declared = list.SelectMany(s => s.Declares).ToList();
        Registry = declared.Count == 0
            ? StandardFacts.Registry
            : new FactRegistryBuilder().Add(StandardFacts.All).Add(declared).Build() is { IsValid: true } built
                ? built.Value!
                : throw new InvalidOperationException("事实声明有误：" + new FactRegistryBuilder().Add(StandardFacts.All).Add(declared).Build().Error);
        _providers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, _, supplies) in list)
        {
            foreach (var fact in supplies)
            {
                if (Registry.Find(fact) is null)
                {
                    throw new InvalidOperationException($"事实来源“{name}”声称提供未声明的事实“{fact}”");
                }

                _providers.TryAdd(fact, name);
            }
        }

        Recordable = [.. Registry.Facts.Where(f => !_providers.ContainsKey(f.Name))];
    }

    /// <summary>Builds the registry from the registered sources (read once, in a scope of their own).</summary>
    public static PolicyFacts From(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        return new PolicyFacts(scope.ServiceProvider.GetServices<IFactSource>().Select(s => (s.Name, s.Declares, s.Supplies)));
    }

    public FactRegistry Registry { get; }

    /// <summary>Facts no module supplies: a clerk may record them for a person, with evidence.</summary>
    public IReadOnlyList<FactDefinition> Recordable { get; }

    /// <summary>The module that fills the fact (“registry”…), or “经办人登记” when a clerk records it.</summary>
    public string ProviderOf(string fact) => _providers.TryGetValue(fact, out var provider)
        ? Platform.Modules.ModuleCatalog.All.FirstOrDefault(m => m.Name == provider)?.Title ?? provider
        : "经办人登记";

    /// <summary>Whether a clerk may record this fact for a person.</summary>
    public bool IsRecordable(string fact) => Registry.Find(fact) is not null && !_providers.ContainsKey(fact);
}
