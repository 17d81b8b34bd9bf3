using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace Gongjiang.Web.Platform.Api;

/// <summary>
/// Makes the OpenAPI document one a client generator can use, for every endpoint of every module without each one
/// repeating it: an operationId on every operation; the bearer scheme applied to every operation that needs a token
/// and an explicit empty requirement on public ones; the error answers every operation can give documented as
/// problem+json (400 when it takes input, 401/403 when it needs a token, 404 when its path names a record, 429 when it
/// is rate-limited); a description on every tag; a server. Checked by <c>OpenApiDocumentTests</c> and by
/// <c>redocly lint</c> with its recommended rules in ./test.sh.
/// </summary>
internal static class OpenApiConventions
{
    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["身份认证"] = "申领访问令牌（POST /api/v1/auth/token）与查看当前账户；令牌在账户停用、改密、调整角色或管辖范围时立即失效",
        ["账户管理"] = "系统管理员在管辖范围内管理账户（新增、修改、停用、强制下线）",
        ["人员档案"] = "高技能领军人才数据库的人员：查询、档案与认定依据、变更记录、完整身份证号（有权角色，留痕）、入库流程",
        ["人员名册与荣誉名单导入"] = "用人单位和窗口经办人导入人员名册、荣誉名单（CSV/XLSX，逐行中文错误，全部成功或全部不写入）",
        ["年度复核"] = "定期更新：发起年度复核、用人单位确认、窗口核查",
        ["统计分析"] = "管辖范围内领军人才的统计（只计已入库、复核中）",
        ["用人单位"] = "管辖范围内的用人单位及其职工",
        ["公布（编制、公示、复核）"] = "窗口经办人编制名单、开始公示、处理异议、由第二人复核公布",
        ["部门订阅"] = "协办部门按序号增量读取本辖区名单变动（完整身份证号须有权且另行申请，留痕）",
        ["公开名单"] = "社会公众无需登录即可查询已公布名单（个人信息已脱敏）、公示名单、变动清单，并可提出异议",
        ["代码表"] = "行政区划、部门、技能等级、荣誉类型等代码表（公开）",
    };
    private static readonly Lock Gate = new();

    /// <summary>Describes a tag (modules call this through <see cref="PlatformModule.MapApiGroup"/>).</summary>
    public static void DescribeTag(string tag, string description)
    {
        lock (Gate)
        {
            TagDescriptions[tag] = description;
        }
    }

    public static void Apply(OpenApiOptions options)
    {
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var path = "/" + (context.Description.RelativePath ?? "").TrimStart('/');
            var method = context.Description.HttpMethod ?? "GET";
            operation.OperationId ??= OperationId(method, path);

            var needsToken = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
            operation.Security = needsToken
                ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", context.Document)] = [] }]
                : [new OpenApiSecurityRequirement()];

            operation.Responses ??= [];
            // Any request can be malformed (query string, JSON body): the platform answers 400 problem+json for each.
            var takesInput = operation.RequestBody is not null || operation.Parameters is { Count: > 0 };
            Problem(operation, "400", takesInput ? "请求有误：字段错误见 errors（键为字段名，值为中文说明）" : "请求格式有误");

            if (needsToken)
            {
                Problem(operation, "401", "需要登录：未提供令牌或令牌已失效");
                Problem(operation, "403", "无权访问：角色无此权限，或记录不在管辖范围内");
            }

            if (path.Contains('{', StringComparison.Ordinal))
            {
                Problem(operation, "404", "未找到：记录不存在或不在管辖范围内（两者答复相同）");
            }

            if (metadata.OfType<EnableRateLimitingAttribute>().Any() || path.EndsWith("/auth/token", StringComparison.Ordinal))
            {
                Problem(operation, "429", "请求过于频繁，请稍后再试");
            }

            return Task.CompletedTask;
        });
        options.AddDocumentTransformer((document, _, _) =>
        {
            var used = document.Paths?.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []).SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>())
                .Select(t => t.Name).OfType<string>().Distinct(StringComparer.Ordinal).ToList() ?? [];
            document.Tags ??= new HashSet<OpenApiTag>();
            foreach (var name in used)
            {
                string description;
                lock (Gate)
                {
                    description = TagDescriptions.TryGetValue(name, out var d) ? d : name + "相关接口";
                }

                var existing = document.Tags.FirstOrDefault(t => t.Name == name);
                if (existing is null)
                {
                    document.Tags.Add(new OpenApiTag { Name = name, Description = description });
                }
                else
                {
                    existing.Description ??= description;
                }
            }

            document.Components ??= new OpenApiComponents();
            document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            document.Components.Schemas.TryAdd("ChineseProblemDetails", ProblemSchema());
            return Task.CompletedTask;
        });
    }

    /// <summary>“GET /api/v1/registry/persons/{id}/history” → “getRegistryPersonsByIdHistory”.</summary>
    public static string OperationId(string method, string path)
    {
        var id = new StringBuilder(method.ToLowerInvariant());
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s is not ("api" or "v1")))
        {
            var parameters = System.Text.RegularExpressions.Regex.Matches(segment, @"\{([A-Za-z0-9_]+)").Select(m => m.Groups[1].Value).ToList();
            if (parameters.Count > 0)
            {
                id.Append("By").AppendJoin("And", parameters.Select(Capitalised));
                continue;
            }

            foreach (var word in segment.Split(['-', '.', '_', ':'], StringSplitOptions.RemoveEmptyEntries))
            {
                id.Append(Capitalised(word));
            }
        }

        return id.ToString();
    }

    private static string Capitalised(string word) => char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..];

    private static void Problem(OpenApiOperation operation, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ChineseProblemDetails") },
            },
        };
    }

    private static OpenApiSchema ProblemSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 问题详情；title、detail 为中文，errors 按字段给出中文说明",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "中文标题" },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "中文说明" },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "字段名 → 中文错误说明",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
    };
}
