using Gongjiang.Web.Platform.Access;
using Gongjiang.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Gongjiang.Web.Platform.Data;

/// <summary>
/// The named ways around the one scope mechanism (ADR 0002), and nothing else: an architecture test
/// (<c>ScopeEscapeTests</c>) fails on <c>IgnoreQueryFilters</c>, <c>ExecuteUpdate</c> or <c>ExecuteDelete</c>
/// anywhere but here and the job runner's telemetry, and lists every call of <see cref="Unscoped{T}"/> with its reason.
/// </summary>
public static class ScopeEscapes
{
    /// <summary>
    /// Reads <typeparamref name="T"/> across every jurisdiction, for a reason that must be named (e.g. “导入时核对该身份证号
    /// 是否已在其他地区登记”). The escape is audited with the reason — once per reason per unit of work, written with the
    /// context's next save — and listed by the architecture test. Use it for the narrowest question (select the
    /// column needed), never to show another jurisdiction's records.
    /// </summary>
    public static IQueryable<T> Unscoped<T>(this GongjiangDbContext db, string reason)
        where T : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (db.AuditedEscapes.Add(typeof(T).Name + "|" + reason))
        {
            db.Audit(new AuditEvent(AuditActions.Unscoped, typeof(T).Name, null, Detail: reason));
        }

        return db.Set<T>().IgnoreQueryFilters();
    }

    /// <summary>
    /// The public query source: the rows of <typeparamref name="T"/> its scope rule declares public
    /// (<see cref="ScopeRule{T}.Public"/>), whoever asks — for public pages, feeds and APIs, which select public columns
    /// only. Office queries never see these rows unless they are in the actor's own scope.
    /// </summary>
    public static IQueryable<T> PublicView<T>(this GongjiangDbContext db)
        where T : class => db.Set<T>().IgnoreQueryFilters().WherePublic();

    /// <summary>
    /// A set-based update of the rows of <paramref name="query"/> — which must all be writable by the actor: if any row
    /// the query selects is outside the actor's write scope, nothing is changed, <see cref="ScopeViolationException"/>
    /// is thrown (403, audited). Otherwise the rows are updated and one audit entry names the change, the filter and
    /// the count, in the caller's transaction (the entry is saved with the unit of work's pending changes, or at once when there are none).
    /// </summary>
    public static async Task<int> UpdateInScopeAsync<T>(this GongjiangDbContext db, IQueryable<T> query,
        Action<UpdateSettersBuilder<T>> setters, string description, CancellationToken ct)
        where T : class
    {
        var writable = await CheckWritableAsync(db, query, description, ct);
        var count = await writable.ExecuteUpdateAsync(setters, ct);
        await AuditAsync(db, new AuditEvent(AuditActions.Update, typeof(T).Name, null, Detail: $"{description}（批量修改{count}条）"), ct);
        return count;
    }

    /// <summary>A set-based delete under the same rule as <see cref="UpdateInScopeAsync{T}"/>.</summary>
    public static async Task<int> DeleteInScopeAsync<T>(this GongjiangDbContext db, IQueryable<T> query, string description, CancellationToken ct)
        where T : class
    {
        var writable = await CheckWritableAsync(db, query, description, ct);
        var count = await writable.ExecuteDeleteAsync(ct);
        await AuditAsync(db, new AuditEvent(AuditActions.Delete, typeof(T).Name, null, Detail: $"{description}（批量删除{count}条）"), ct);
        return count;
    }

    /// <summary>
    /// Operational telemetry that is not audited (a job's progress and lease): a set-based update with no scope
    /// check. Only <see cref="Jobs.JobRunner"/> may call it (the architecture test lists the callers).
    /// </summary>
    internal static Task<int> UpdateTelemetryAsync<T>(this IQueryable<T> query, Action<UpdateSettersBuilder<T>> setters, CancellationToken ct)
        where T : class => query.ExecuteUpdateAsync(setters, ct);

    /// <summary>
    /// The bulk change's audit entry: with the unit of work's pending changes when there are any (the caller saves
    /// them, and the entry commits with them — an import batch is not saved half-way), else at once.
    /// </summary>
    private static Task AuditAsync(GongjiangDbContext db, AuditEvent evt, CancellationToken ct)
    {
        if (db.ChangeTracker.HasChanges())
        {
            db.Audit(evt);
            return Task.CompletedTask;
        }

        return db.RecordAsync(evt, ct);
    }

    private static async Task<IQueryable<T>> CheckWritableAsync<T>(GongjiangDbContext db, IQueryable<T> query, string description, CancellationToken ct)
        where T : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        var writable = query.WhereWritable(db.Scope);
        if (!ScopeRules.IsScoped(typeof(T)))
        {
            return query;
        }

        var selected = await query.CountAsync(ct);
        var allowed = await writable.CountAsync(ct);
        if (selected != allowed)
        {
            throw new ScopeViolationException(typeof(T).Name, $"{description}：{selected - allowed}条在管辖范围以外");
        }

        return writable;
    }
}
