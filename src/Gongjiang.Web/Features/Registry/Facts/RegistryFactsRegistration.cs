using Gongjiang.Web.Features.Policies.Contracts;
using Gongjiang.Web.Features.Registry.Contracts;

namespace Gongjiang.Web.Features.Registry.Facts;

/// <summary>Registers the registry's read interface for other modules and its facts for the benefit-rule engine.</summary>
public static class RegistryFactsRegistration
{
    public static IServiceCollection AddRegistryFacts(this IServiceCollection services)
    {
        services.AddScoped<IRegistryPersons, RegistryPersons>();
        services.AddScoped<IFactSource, RegistryFactSource>();
        return services;
    }
}
