using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Gongjiang.Web.Platform.Api;

/// <summary>A page of results: what the API returns for every list.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    /// <summary>
    /// True when <see cref="Total"/> is a lower bound: counting stopped there, because an exact count of a large
    /// substring match costs a full scan. Narrow the search to get an exact count.
    /// </summary>
    public bool TotalIsLowerBound { get; init; }

    public int PageCount => PageSize == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

/// <summary>Paging input shared by lists, validated at the boundary.</summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int MaxPageSize = 200;

    public int Skip => (Page - 1) * PageSize;

    public static bool TryCreate(int? page, int? pageSize, FieldErrors errors, out PageRequest request)
    {
        var p = page ?? 1;
        var s = pageSize ?? 20;
        if (p < 1)
        {
            errors.Add("page", "页码（page）应为大于等于1的整数");
        }

        if (s is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", $"每页条数（pageSize）应在1到{MaxPageSize}之间");
        }

        request = new PageRequest(Math.Max(p, 1), Math.Clamp(s, 1, MaxPageSize));
        return errors.IsEmpty;
    }
}

/// <summary>Per-field validation errors, in Chinese, keyed by the field's name in the request.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public IReadOnlyDictionary<string, List<string>> All => _errors;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    public string? For(string field) => _errors.TryGetValue(field, out var list) ? string.Join("；", list) : null;

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}

/// <summary>ProblemDetails (RFC 9457) with Chinese title and detail.</summary>
public static class Problems
{
    public static ProblemHttpResult Validation(FieldErrors errors, string? detail = null) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors.ToDictionary())
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "提交的内容有误",
            Detail = detail ?? "请按提示修改标注的字段后重新提交。",
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        });

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status404NotFound,
            Title = "未找到",
            Detail = $"未找到{what}，或该记录不在您的管辖范围内。",
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        });

    public static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status401Unauthorized,
            Title = "身份验证失败",
            Detail = detail,
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        });

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = "无权访问",
            Detail = detail,
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        });

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "与现有数据冲突",
            Detail = detail,
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        });
}
