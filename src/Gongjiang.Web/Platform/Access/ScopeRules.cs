using System.Linq.Expressions;
using System.Reflection;

namespace Gongjiang.Web.Platform.Access;

/// <summary>
/// How one entity type maps onto the scope dimensions. The region selector is required; an enterprise or person
/// selector that is missing means an actor bound to an enterprise or a person sees none of these records; a missing
/// department selector means the department does not narrow this type.
/// </summary>
public sealed class ScopeRule<T>
    where T : class
{
    public required Expression<Func<T, string>> Region { get; init; }

    public Expression<Func<T, Guid?>>? Enterprise { get; init; }

    public Expression<Func<T, Guid?>>? Person { get; init; }

    public Expression<Func<T, string?>>? Department { get; init; }

    /// <summary>
    /// The records' content is public by law (e.g. enterprise registration, 《企业信息公示暂行条例》): actors bound to an
    /// enterprise or a person may read those in their jurisdiction. Writes stay bound.
    /// </summary>
    public bool ReadableByBoundActors { get; init; }

    /// <summary>
    /// Records for which this is true are published to everyone, the anonymous public included (e.g. a publication of
    /// the leading-talent database once it is in its notice period or final). They are read through their own query
    /// source, <see cref="Data.ScopeEscapes.PublicView{T}"/> (public pages, feeds and APIs), never by widening the office
    /// queries: a clerk's list of publications shows their own jurisdiction's, not every region's public ones.
    /// </summary>
    public Expression<Func<T, bool>>? Public { get; init; }
}

/// <summary>
/// The one mechanism that applies jurisdiction and department scope. Every scoped entity declares a
/// <see cref="ScopeRule{T}"/> in its configuration via <see cref="HasScope"/>; that becomes (1) a global query filter,
/// so every read through the DbContext — page, API, export, search — is narrowed, and (2) the predicate that
/// <see cref="Data.GongjiangDbContext"/> checks on every added, changed or deleted row before saving.
/// </summary>
public static class ScopeRules
{
    private static readonly MethodInfo StartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;

    private static readonly Dictionary<Type, Func<object, AccessScope, bool>> WriteChecks = [];
    private static readonly Dictionary<Type, object> DeclaredRules = [];
    private static readonly Lock Gate = new();

    /// <summary>Declares the scope rule of an entity type: a query filter now, and a write check at save.</summary>
    public static void HasScope<T>(this Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> builder, Data.GongjiangDbContext context, ScopeRule<T> rule)
        where T : class
    {
        // The filter reads flat scope properties of the context instance, which EF turns into query parameters
        // evaluated per context (per request).
        var contextConstant = Expression.Constant(context);
        builder.HasQueryFilter(Build(rule, name => Expression.Property(contextConstant, "Scope" + name), reading: true));

        lock (Gate)
        {
            DeclaredRules[typeof(T)] = rule;
            if (!WriteChecks.ContainsKey(typeof(T)))
            {
                var scopeParameter = Expression.Parameter(typeof(AccessScope), "scope");
                var compiled = Build(rule, name => Expression.Property(scopeParameter, name), reading: false);
                var entity = Expression.Parameter(typeof(object), "entity");
                var body = Expression.Invoke(compiled, Expression.Convert(entity, typeof(T)));
                var check = Expression.Lambda<Func<object, AccessScope, bool>>(body, entity, scopeParameter).Compile();
                WriteChecks[typeof(T)] = check;
            }
        }
    }

    /// <summary>True when the entity's type is scoped; then <paramref name="inScope"/> says whether it is in scope.</summary>
    public static bool TryCheck(object entity, AccessScope scope, out bool inScope)
    {
        Func<object, AccessScope, bool>? check;
        lock (Gate)
        {
            WriteChecks.TryGetValue(entity.GetType(), out check);
        }

        inScope = check is null || check(entity, scope);
        return check is not null;
    }

    /// <summary>Whether the scope may write the entity (its type's write rule; an unscoped type always).</summary>
    public static bool IsWritable(object entity, AccessScope scope)
    {
        TryCheck(entity, scope, out var inScope);
        return inScope;
    }

    /// <summary>
    /// Narrows a query to the rows the scope may write (the write rule: no public or bound-reader widening). Used by
    /// the bulk helpers (<see cref="Data.ScopeEscapes"/>) before an <c>ExecuteUpdate</c>/<c>ExecuteDelete</c>.
    /// </summary>
    public static IQueryable<T> WhereWritable<T>(this IQueryable<T> query, AccessScope scope)
        where T : class
    {
        ScopeRule<T>? rule;
        lock (Gate)
        {
            rule = DeclaredRules.TryGetValue(typeof(T), out var r) ? (ScopeRule<T>)r : null;
        }

        if (rule is null)
        {
            return query;
        }

        var constant = Expression.Constant(scope);
        return query.Where(Build(rule, name => Expression.Property(constant, name), reading: false));
    }

    /// <summary>The rows of the type's <see cref="ScopeRule{T}.Public"/> predicate (none when it declares none).</summary>
    public static IQueryable<T> WherePublic<T>(this IQueryable<T> query)
        where T : class
    {
        ScopeRule<T>? rule;
        lock (Gate)
        {
            rule = DeclaredRules.TryGetValue(typeof(T), out var r) ? (ScopeRule<T>)r : null;
        }

        return rule?.Public is { } isPublic ? query.Where(isPublic) : query.Where(_ => false);
    }

    /// <summary>Whether the entity type declares a scope rule.</summary>
    public static bool IsScoped(Type entityType)
    {
        lock (Gate)
        {
            return DeclaredRules.ContainsKey(entityType);
        }
    }

    /// <summary>Applies the same rule to a query that is not filtered globally (accounts: see ADR 0004).</summary>
    public static IQueryable<T> WhereInScope<T>(this IQueryable<T> query, ScopeRule<T> rule, AccessScope scope)
        where T : class
    {
        var constant = Expression.Constant(scope);
        return query.Where(Build(rule, name => Expression.Property(constant, name), reading: true));
    }

    private static Expression<Func<T, bool>> Build<T>(ScopeRule<T> rule, Func<string, Expression> member, bool reading)
        where T : class
    {
        var e = Expression.Parameter(typeof(T), "e");
        Expression Member(string name) => member(name);
        Expression Replace(LambdaExpression selector) => new ParameterReplacer(selector.Parameters[0], e).Visit(selector.Body);

        // scope.Allowed
        Expression body = Member(nameof(AccessScope.Allowed));

        // && region.StartsWith(scope.RegionPrefix)
        var prefix = Member(nameof(AccessScope.RegionPrefix));
        body = Expression.AndAlso(body, Expression.OrElse(
            Expression.Equal(prefix, Expression.Constant("")),
            Expression.Call(Replace(rule.Region), StartsWith, prefix)));

        if (reading && rule.ReadableByBoundActors)
        {
            return Lambda(body);
        }

        // && (scope.EnterpriseId == null || enterprise == scope.EnterpriseId)
        var enterprise = Member(nameof(AccessScope.EnterpriseId));
        var noEnterprise = Expression.Equal(enterprise, Expression.Constant(null, typeof(Guid?)));
        body = Expression.AndAlso(body, rule.Enterprise is null
            ? noEnterprise
            : Expression.OrElse(noEnterprise, Expression.Equal(Replace(rule.Enterprise), enterprise)));

        // && (scope.PersonId == null || person == scope.PersonId)
        var person = Member(nameof(AccessScope.PersonId));
        var noPerson = Expression.Equal(person, Expression.Constant(null, typeof(Guid?)));
        body = Expression.AndAlso(body, rule.Person is null
            ? noPerson
            : Expression.OrElse(noPerson, Expression.Equal(Replace(rule.Person), person)));

        // && (scope.DepartmentCode == null || department == scope.DepartmentCode)
        if (rule.Department is not null)
        {
            var department = Member(nameof(AccessScope.DepartmentCode));
            body = Expression.AndAlso(body, Expression.OrElse(
                Expression.Equal(department, Expression.Constant(null, typeof(string))),
                Expression.Equal(Replace(rule.Department), department)));
        }

        return Lambda(body);

        // Public rows are not added here: they have their own query source (ScopeEscapes.PublicView).
        Expression<Func<T, bool>> Lambda(Expression scoped) => Expression.Lambda<Func<T, bool>>(scoped, e);
    }

    private sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

/// <summary>Raised when a write would touch a record outside the actor's scope. Mapped to 403 and audited.</summary>
public sealed class ScopeViolationException(string entityType, string? entityId)
    : Exception("无权操作管辖范围以外的记录")
{
    public string EntityType { get; } = entityType;

    public string? EntityId { get; } = entityId;
}
