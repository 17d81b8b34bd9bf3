using Gongjiang.Core.Supervision;

namespace Gongjiang.Web.Features.Supervision.Contracts;

/// <summary>
/// A module's indicators for progress reports (“a registry of indicators, so each module adds its own”, issue 13). A
/// module implements it in its own folder and registers it in its <c>AddServices</c> with
/// <c>services.AddIndicatorSource&lt;T&gt;()</c> (scoped: it may use the request's context, whose scope filter applies).
/// Supervision builds its <see cref="IndicatorRegistry"/> from every source's <see cref="Definitions"/>, shows live values
/// on draft reports and freezes them into the report when it is submitted.
/// </summary>
public interface IIndicatorSource
{
    /// <summary>
    /// The indicators this source provides, in registration order (a percentage after its numerator and denominator);
    /// reuse <see cref="IndicatorRegistry.Foundation"/>'s definitions where they exist.
    /// </summary>
    IReadOnlyList<IndicatorDefinition> Definitions { get; }

    /// <summary>
    /// The values for <paramref name="regionCode"/>'s whole jurisdiction (the region and everything below it) for
    /// <paramref name="period"/>, as they stand on <paramref name="asOf"/>. An indicator with no meaningful value (e.g. a
    /// rate over nothing) is left out.
    /// </summary>
    Task<IReadOnlyList<IndicatorValue>> ValuesAsync(string regionCode, ReportPeriod period, DateOnly asOf, CancellationToken ct);
}

/// <summary>Registration of indicator sources.</summary>
public static class IndicatorSourceRegistration
{
    /// <summary>Registers a module's indicator source (scoped).</summary>
    public static IServiceCollection AddIndicatorSource<T>(this IServiceCollection services)
        where T : class, IIndicatorSource => services.AddScoped<IIndicatorSource, T>();
}
