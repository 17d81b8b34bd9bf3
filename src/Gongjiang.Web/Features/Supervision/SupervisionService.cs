using Gongjiang.Core.Calendar;
using Gongjiang.Core.Supervision;
using Gongjiang.Web.Features.Supervision.Contracts;
using Gongjiang.Web.Features.Supervision.Data;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongjiang.Web.Features.Supervision;

/// <summary>Deployment settings of supervision (section <c>Supervision</c>).</summary>
public sealed class SupervisionOptions
{
    /// <summary><c>Supervision:AttachmentFolder</c>: where attachments of implementing documents are kept (outside the web root); default <c>{Data:Folder}/supervision-attachments</c>.</summary>
    public string? AttachmentFolder { get; set; }

    /// <summary><c>Supervision:MaxAttachmentMegabytes</c>: largest attachment accepted (default 20).</summary>
    public int MaxAttachmentMegabytes { get; set; } = 20;

    /// <summary><c>Supervision:PeriodicKind</c>: Quarterly (default) or HalfYearly.</summary>
    public ReportKind PeriodicKind { get; set; } = ReportSchedule.Default.PeriodicKind;

    /// <summary><c>Supervision:WorkingDaysAfterPeriodEnd</c>: a province's in-year report is due this many working days after the period (default 15).</summary>
    public int WorkingDaysAfterPeriodEnd { get; set; } = ReportSchedule.Default.WorkingDaysAfterPeriodEnd;

    /// <summary><c>Supervision:WorkingDaysPerLevel</c>: each lower level reports this many working days earlier (default 5).</summary>
    public int WorkingDaysPerLevel { get; set; } = ReportSchedule.Default.WorkingDaysPerLevel;

    /// <summary><c>Supervision:ReminderWorkingDays</c>: the reminder job warns this many working days before a due date (default 5).</summary>
    public int ReminderWorkingDays { get; set; } = 5;

    /// <summary><c>Supervision:ProblemAnswerWorkingDays</c>: working days a level has to answer a problem (default 15).</summary>
    public int ProblemAnswerWorkingDays { get; set; } = ProblemWorkflow.DefaultAnswerWorkingDays;

    public ReportSchedule Schedule => ReportSchedule.Default with
    {
        PeriodicKind = PeriodicKind,
        WorkingDaysAfterPeriodEnd = WorkingDaysAfterPeriodEnd,
        WorkingDaysPerLevel = WorkingDaysPerLevel,
    };
}

/// <summary>
/// The supervision use cases (督查). Pages and the API call these; the context's scope filter limits every read and
/// write to the actor's jurisdiction, and the Core rules of <c>Gongjiang.Core.Supervision</c> decide every step.
/// </summary>
public sealed partial class SupervisionService(
    GongjiangDbContext db,
    TimeProvider clock,
    IOptions<SupervisionOptions> options,
    IEnumerable<IIndicatorSource> sources,
    AttachmentStore attachments)
{
    private IndicatorRegistry? _indicators;

    public static MeasureCatalog Catalog => MeasureCatalog.Default;

    public static ReportingHierarchy Hierarchy => ReportingHierarchy.Default;

    public static WorkingDayCalendar Calendar => WorkingDayCalendar.China;

    public ReportSchedule Schedule => options.Value.Schedule;

    public SupervisionOptions Options => options.Value;

    public GongjiangDbContext Db => db;

    public Actor Actor => db.Actor;

    public string OwnRegion => db.Actor.Jurisdiction.Code;

    public DateOnly Today => ChinaTime.Today(clock);

    /// <summary>Every indicator the modules provide (their <see cref="IIndicatorSource.Definitions"/>, in module order).</summary>
    public IndicatorRegistry Indicators => _indicators ??= BuildRegistry(sources);

    internal static IndicatorRegistry BuildRegistry(IEnumerable<IIndicatorSource> sources)
    {
        var registry = IndicatorRegistry.Empty;
        foreach (var definition in sources.SelectMany(s => s.Definitions))
        {
            if (registry.Find(definition.Code) is null)
            {
                registry = registry.Add(definition).GetValueOrThrow();
            }
        }

        return registry;
    }

    /// <summary>Live values of every source for a region and period (as of today).</summary>
    public async Task<IReadOnlyList<IndicatorValue>> LiveIndicatorsAsync(string regionCode, ReportPeriod period, CancellationToken ct)
    {
        var values = new List<IndicatorValue>();
        foreach (var source in sources)
        {
            values.AddRange(await source.ValuesAsync(regionCode, period, Today, ct));
        }

        return values;
    }

    /// <summary>Whether the actor may act for <paramref name="regionCode"/> as its own office.</summary>
    public bool IsOwn(string regionCode) => string.Equals(OwnRegion, regionCode, StringComparison.Ordinal);

    /// <summary>Whether the region is inside the actor's jurisdiction and takes part in supervision.</summary>
    public bool InJurisdiction(string? regionCode) =>
        regionCode is not null && Hierarchy.TakesPart(regionCode) && db.Actor.Jurisdiction.Contains(regionCode);

    internal static string Name(string regionCode) => Hierarchy.Regions.FullName(regionCode);

    internal static string ShortName(string regionCode) => Hierarchy.Regions.Find(regionCode)?.Name ?? regionCode;

    /// <summary>Adds a Core reason to the field it names (by its leading words), or to <paramref name="fallback"/>.</summary>
    internal static void AddReason(FieldErrors errors, string reason, string fallback, params (string Prefix, string Field)[] fields)
    {
        foreach (var (prefix, field) in fields)
        {
            if (reason.StartsWith(prefix, StringComparison.Ordinal) || reason.Contains(prefix, StringComparison.Ordinal))
            {
                errors.Add(field, reason);
                return;
            }
        }

        errors.Add(fallback, reason);
    }

    /// <summary>The latest accepted statuses of a region before a period (the base of the narrative rule).</summary>
    internal async Task<Dictionary<string, MeasureStatus>> PreviousStatusesAsync(string regionCode, DateOnly before, Guid exceptReport, CancellationToken ct)
    {
        var previous = await db.Set<ReportRow>().AsNoTracking()
            .Where(r => r.RegionCode == regionCode && r.Status == ReportStatus.Accepted && r.PeriodEnd <= before && r.Id != exceptReport)
            .OrderByDescending(r => r.PeriodEnd).ThenByDescending(r => r.Kind)
            .Select(r => r.Id).FirstOrDefaultAsync(ct);
        if (previous == Guid.Empty)
        {
            return new Dictionary<string, MeasureStatus>(StringComparer.Ordinal);
        }

        return await db.Set<ReportLineRow>().AsNoTracking().Where(l => l.ReportId == previous)
            .ToDictionaryAsync(l => l.MeasureCode, l => l.Status, StringComparer.Ordinal, ct);
    }

    internal async Task<List<WorkTarget>> TargetsOfAsync(IReadOnlyCollection<string> regionCodes, CancellationToken ct) =>
        (await db.Set<WorkTargetRow>().AsNoTracking().Where(t => regionCodes.Contains(t.RegionCode)).ToListAsync(ct))
            .Select(t => new WorkTarget(t.MeasureCode, t.RegionCode, t.Description, t.DueOn)).ToList();
}
