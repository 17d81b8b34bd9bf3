using System.Globalization;
using System.Text.Json;
using Gongjiang.Core.Policies;
using Gongjiang.Web.Features.Policies.Catalogue;
using Gongjiang.Web.Features.Policies.Contracts;
using Gongjiang.Web.Features.Policies.Engine;
using Gongjiang.Web.Features.Policies.Simulations;
using Gongjiang.Web.Features.Registry.Contracts;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongjiang.Web.Features.Policies;

/// <summary>One step of an entitlement's explanation in the API.</summary>
public sealed record TraceStepDto(string RuleId, string Condition, bool Holds, string Reason, string? Citation, IReadOnlyList<FactValueDto> Values)
{
    public static TraceStepDto From(TraceStep step) =>
        new(step.RuleId, step.Condition, step.Holds, step.Reason, step.Citation, [.. step.Values.Select(v => new FactValueDto(v.Name, v.Label, v.Value, v.Display))]);
}

/// <summary>A fact's value as used by a rule.</summary>
public sealed record FactValueDto(string Name, string Label, string? Value, string Display);

/// <summary>
/// One item a person is entitled to (GET /api/v1/persons/{id}/entitlements, pinned by issue 11): <c>itemId</c> (the
/// item across versions), <c>name</c>, <c>amount</c> (元 per payment; null when the item pays no amount decided here),
/// <c>frequency</c>, <c>basis</c> (the article) and <c>trace</c>; plus the version, the amount as text, where the
/// item comes from (全国/省/市/县) and whether it is 示例 data.
/// </summary>
public sealed record EntitlementDto(
    string ItemId, string VersionId, string Name, decimal? Amount, string AmountText, string Frequency, string Basis, string Source, bool IsExample,
    IReadOnlyList<TraceStepDto> Trace)
{
    public static EntitlementDto From(Entitlement e) => new(e.ItemKey, e.VersionId, e.Name, e.Amount?.Yuan, e.AmountText, PolicyNames.Of(e.Frequency),
        e.LegalBasis, PolicyNames.Of(e.Source), e.IsExample, [.. e.Trace.Select(TraceStepDto.From)]);
}

/// <summary>GET /api/v1/persons/{id}/entitlements: the day and the items the person is entitled to.</summary>
public sealed record EntitlementsDto(DateOnly AsOf, IReadOnlyList<EntitlementDto> Items);

/// <summary>
/// POST /api/v1/policies/rules/check: the rule text, its kind (<c>eligibility</c> or <c>amount</c>), and optionally the
/// item's named parameters (<c>param.x</c>) it may use. Read by hand within a size and time budget (see the endpoint).
/// </summary>
public sealed record RuleCheckRequest(string Expression, string Kind, IReadOnlyList<RuleParameter>? Parameters);

/// <summary>POST /api/v1/policies/rules/check → 200: the rule's type (bool for eligibility, money for amounts).</summary>
public sealed record RuleTypeDto(string Type);

/// <summary>POST /api/v1/policies/decisions.</summary>
public sealed record RecordDecisionRequest(Guid? PersonId, string? VersionId, string? AsOf, string? Reference);

public sealed record DecisionCreatedDto(Guid Id);

/// <summary>A stored decision and its replay.</summary>
public sealed record DecisionDto(Guid Id, string VersionId, DateOnly AsOf, EntitlementDto Stored, EntitlementDto Replayed, bool Same, IReadOnlyList<string> Differences);

public sealed record SimulationCreatedDto(Guid Id, Guid? JobId);

/// <summary>A simulation: its state and, once done, its result.</summary>
public sealed record SimulationDto(Guid Id, string Title, string RegionCode, DateOnly AsOf, string Status, string? Error,
    long? Persons, long? Gainers, long? Losers, long? Unchanged, decimal? BaselineCost, decimal? ReformCost);

/// <summary>The module's JSON API (bearer tokens only).</summary>
internal static class PoliciesApi
{
    /// <summary>A rule check answers within this, whatever the text (issue 11: never longer than one second).</summary>
    private static readonly TimeSpan CheckBudget = TimeSpan.FromMilliseconds(800);

    private const int MaxCheckBody = 64 * 1024;

    public static void Map(IEndpointRouteBuilder app)
    {
        var rules = app.MapApiGroup("policies/rules", "待遇政策：规则检查", PolicyPermissions.Edit);
        rules.MapPost("/check", CheckAsync).Accepts<RuleCheckRequest>("application/json")
            .WithSummary("检查一条规则：{\"expression\":\"…\",\"kind\":\"eligibility\"|\"amount\"} → 200 {\"type\"}，或 400，errors.expression 列出错误及其行列号");

        var persons = app.MapApiGroup("persons", "待遇政策：应享待遇", PolicyPermissions.Entitlements);
        persons.MapGet("/{id:guid}/entitlements", EntitlementsAsync)
            .WithSummary("某人在某日（asOf=yyyy-MM-dd，默认今天）能享受的待遇、金额及依据和判断过程；不在管辖范围内为404");

        var items = app.MapApiGroup("policies/items", "待遇政策：事项", PolicyPermissions.Edit);
        items.MapPost("/", SaveItemAsync).WithSummary("新增事项版本（字段同编辑页面；规则有误时400并给出行列号；与已有版本有效期重叠时400）");

        var decisions = app.MapApiGroup("policies/decisions", "待遇政策：待遇决定", PolicyPermissions.Entitlements);
        decisions.MapPost("/", RecordAsync).RequireAuthorization(PolicyPermissions.Decide)
            .WithSummary("作出并保存待遇决定：{\"personId\",\"versionId\",\"asOf\",\"reference\"}，保存规则版本、输入事实和判断过程");
        decisions.MapGet("/{id:guid}", ReplayAsync).WithSummary("查看已保存的待遇决定并按原规则版本和原输入重放");

        var simulations = app.MapApiGroup("policies/simulations", "待遇政策：待遇测算", PolicyPermissions.Simulate);
        simulations.MapPost("/", StartSimulationAsync)
            .WithSummary("发起测算（后台任务）：{\"regionCode\",\"asOf\",\"versionId\",\"kind\":\"Parameter|FixedAmount|AddCondition|ReplaceEligibility|ReplaceFormula\",\"parameter\",\"value\"}；其他辖区400");
        simulations.MapGet("/{id:guid}", SimulationAsync).WithSummary("测算的状态和结果");
    }

    private static async Task<Results<Ok<RuleTypeDto>, ProblemHttpResult>> CheckAsync(HttpRequest request, PolicyFacts facts, CancellationToken ct)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(CheckBudget);
        var errors = new FieldErrors();
        string? expression = null;
        RuleKind? kind = null;
        IReadOnlyList<RuleParameter>? parameters = null;
        try
        {
            var body = await ReadLimitedAsync(request.Body, MaxCheckBody, budget.Token);
            if (body is null)
            {
                errors.Add("expression", "请求内容过大：规则不能超过2000个字符");
                return Problems.Validation(errors);
            }

            using var json = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 8 });
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add("expression", "请求内容应为JSON对象：{\"expression\":\"…\",\"kind\":\"eligibility\"}");
                return Problems.Validation(errors);
            }

            foreach (var property in json.RootElement.EnumerateObject())
            {
                switch (property.Name.ToLowerInvariant())
                {
                    case "expression" when property.Value.ValueKind == JsonValueKind.String:
                        expression = property.Value.GetString();
                        break;
                    case "expression":
                        errors.Add("expression", "规则（expression）应为文本");
                        break;
                    case "kind" when property.Value.ValueKind == JsonValueKind.String:
                        kind = property.Value.GetString()?.Trim().ToLowerInvariant() switch
                        {
                            "eligibility" or "资格条件" => RuleKind.Eligibility,
                            "amount" or "金额" or "金额公式" => RuleKind.Amount,
                            _ => null,
                        };
                        if (kind is null)
                        {
                            errors.Add("kind", "规则种类（kind）应为 eligibility（资格条件）或 amount（金额公式）");
                        }

                        break;
                    case "parameters" when property.Value.ValueKind == JsonValueKind.Array:
                        parameters = [.. property.Value.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.Object).Select(p => new RuleParameter(
                            Text(p, "name"), Text(p, "label"), Text(p, "type"), Text(p, "value")))];
                        break;
                    default:
                        break;
                }
            }
        }
        catch (JsonException)
        {
            errors.Add("expression", "请求内容不是有效的JSON：应为 {\"expression\":\"…\",\"kind\":\"eligibility\"}");
            return Problems.Validation(errors);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            errors.Add("expression", "请求内容读取超时");
            return Problems.Validation(errors);
        }

        if (expression is null && errors.For("expression") is null)
        {
            errors.Add("expression", "规则（expression）不能为空");
        }

        if (kind is null && errors.For("kind") is null)
        {
            errors.Add("kind", "规则种类（kind）不能为空：eligibility（资格条件）或 amount（金额公式）");
        }

        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var check = RuleLanguage.Check(expression, kind!.Value, facts.Registry, parameters, budget.Token);
        if (check.IsValid)
        {
            return TypedResults.Ok(new RuleTypeDto(check.Type!.Name));
        }

        foreach (var message in check.Messages)
        {
            errors.Add("expression", message);
        }

        return Problems.Validation(errors, "规则未通过检查：请按行列号修改。");

        static string Text(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
    }

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> bytes.</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, int limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static async Task<Results<Ok<EntitlementsDto>, ProblemHttpResult>> EntitlementsAsync(
        Guid id, string? asOf, IEntitlements entitlements, TimeProvider clock, CancellationToken ct)
    {
        var day = ChinaTime.Today(clock);
        if (!string.IsNullOrWhiteSpace(asOf) && !DateOnly.TryParseExact(asOf.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            var errors = new FieldErrors();
            errors.Add("asOf", "日期（asOf）应为 yyyy-MM-dd 格式，如 2026-01-01");
            return Problems.Validation(errors);
        }

        var report = await entitlements.ForPersonAsync(id, day, ct);
        return report is null
            ? Problems.NotFound("该人员")
            : TypedResults.Ok(new EntitlementsDto(day, [.. report.Entitled.Select(EntitlementDto.From)]));
    }

    private static async Task<Results<Created<VersionCreatedDto>, ProblemHttpResult>> SaveItemAsync(ItemInput input, CatalogueEditing editing, CancellationToken ct)
    {
        var (id, errors) = await editing.SaveVersionAsync(input, ct);
        return id is null ? Problems.Validation(errors) : TypedResults.Created($"/policies/items/{Uri.EscapeDataString(id)}", new VersionCreatedDto(id));
    }

    private static async Task<Results<Created<DecisionCreatedDto>, ProblemHttpResult>> RecordAsync(
        RecordDecisionRequest request, IEntitlementDecisions decisions, IRegistryPersons persons, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.PersonId is null)
        {
            errors.Add("personId", "人员（personId）不能为空");
        }

        if (string.IsNullOrWhiteSpace(request.VersionId))
        {
            errors.Add("versionId", "事项版本（versionId）不能为空");
        }

        var day = string.IsNullOrWhiteSpace(request.AsOf) ? ChinaTime.Today(clock) : ItemInput.ParseDate(request.AsOf, "asOf", "决定所依据的日期", errors, required: true) ?? default;
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        if (await persons.FindAsync(request.PersonId!.Value, ct) is null)
        {
            return Problems.NotFound("该人员");
        }

        var result = await decisions.RecordAsync(request.PersonId.Value, request.VersionId!.Trim(), day, request.Reference, ct);
        if (!result.IsValid)
        {
            errors.Add("versionId", result.Error!);
            return Problems.Validation(errors);
        }

        return TypedResults.Created($"/api/v1/policies/decisions/{result.Value}", new DecisionCreatedDto(result.Value));
    }

    private static async Task<Results<Ok<DecisionDto>, ProblemHttpResult>> ReplayAsync(Guid id, IEntitlementDecisions decisions, CancellationToken ct)
    {
        var replay = await decisions.ReplayAsync(id, ct);
        if (!replay.IsValid)
        {
            return Problems.NotFound("该待遇决定");
        }

        var r = replay.Value!;
        return TypedResults.Ok(new DecisionDto(r.DecisionId, r.Stored.VersionId, r.Stored.AsOf, EntitlementDto.From(r.Stored.Outcome),
            EntitlementDto.From(r.Replay.Replayed), r.Replay.Same, r.Replay.Differences));
    }

    private static async Task<Results<Created<SimulationCreatedDto>, ProblemHttpResult>> StartSimulationAsync(SimulationInput input, SimulationService simulations, CancellationToken ct)
    {
        var (id, errors) = await simulations.StartAsync(input, ct);
        if (id is null)
        {
            return Problems.Validation(errors);
        }

        var simulation = await simulations.FindAsync(id.Value, ct);
        return TypedResults.Created($"/api/v1/policies/simulations/{id}", new SimulationCreatedDto(id.Value, simulation?.JobId));
    }

    private static async Task<Results<Ok<SimulationDto>, ProblemHttpResult>> SimulationAsync(Guid id, SimulationService simulations, CancellationToken ct)
    {
        var simulation = await simulations.FindAsync(id, ct);
        if (simulation is null)
        {
            return Problems.NotFound("该测算");
        }

        var job = await simulations.JobAsync(simulation.JobId, ct);
        var result = SimulationService.ResultOf(simulation)?.Summary;
        return TypedResults.Ok(new SimulationDto(simulation.Id, simulation.Title, simulation.RegionCode, simulation.AsOf,
            job is not null ? Platform.Jobs.JobRun.ChineseName(job.Status) : simulation.Result is not null ? "已完成" : simulation.Error is not null ? "失败" : "未知", simulation.Error ?? job?.Error,
            result?.Persons, result?.Gainers, result?.Losers, result?.Unchanged, result?.BaselineCost.Yuan, result?.ReformCost.Yuan));
    }
}

public sealed record VersionCreatedDto(string VersionId);
