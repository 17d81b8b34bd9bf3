using Gongjiang.Core.Registry;
using Gongjiang.Core.Supervision;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Features.Supervision.Contracts;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Registry.Indicators;

/// <summary>
/// 在库高技能领军人才 (policy 三(一)): the persons of the region's jurisdiction listed in the database now (已入库 or
/// 复核中). A live count: a submitted report keeps the value it had when submitted.
/// </summary>
internal sealed class LeadingTalentIndicators(GongjiangDbContext db) : IIndicatorSource
{
    public IReadOnlyList<IndicatorDefinition> Definitions { get; } = [IndicatorRegistry.Foundation.Find("registry.leading-talents")!];

    public async Task<IReadOnlyList<IndicatorValue>> ValuesAsync(string regionCode, ReportPeriod period, DateOnly asOf, CancellationToken ct)
    {
        var prefix = Gongjiang.Core.Access.Jurisdiction.Parse(regionCode) is { IsValid: true } j ? j.Value.Prefix : regionCode;
        var count = await db.Set<Person>().AsNoTracking()
            .Where(p => p.RegionCode.StartsWith(prefix) && (p.Status == TalentStatus.Listed || p.Status == TalentStatus.UnderReview))
            .CountAsync(ct);
        return [new IndicatorValue("registry.leading-talents", count)];
    }
}
