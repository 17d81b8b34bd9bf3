using Gongjiang.Web.Platform.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongjiang.Web.Features.Publication.Objections;

public sealed record ObjectionRequest(Guid? EntryId, string? Name, string? Contact, string? Reason);

public sealed record ObjectionReceipt(string ReceiptNumber, string Message);

/// <summary>Objections (异议) filed by anyone during a 公示期, without signing in (rate-limited per address).</summary>
internal static class ObjectionsModule
{
    public static IEndpointRouteBuilder MapPublicObjections(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/public/publications/{id:guid}/objections", File)
            .WithTags("公开名单")
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithSummary("对公示中的新增人员提出异议（须填写姓名、联系方式、异议事实和理由）；返回受理编号");
        app.MapGet("/api/v1/public/objections/{receipt}", async Task<Results<Ok<ObjectionStatus>, ProblemHttpResult>> (string receipt, IServiceScopeFactory scopes, CancellationToken ct) =>
                await PublicationUseCases.ObjectionStatusAsync(scopes, receipt, ct) is { } status ? TypedResults.Ok(status) : Problems.NotFound("该受理编号的异议"))
            .WithTags("公开名单")
            .AllowAnonymous()
            .WithSummary("按受理编号查询异议的处理情况（不含异议人信息）");
        return app;
    }

    private static async Task<Results<Created<ObjectionReceipt>, ProblemHttpResult>> File(
        Guid id, ObjectionRequest request, IServiceScopeFactory scopes, TimeProvider clock, CancellationToken ct)
    {
        if (request.EntryId is not { } entry)
        {
            var missing = new FieldErrors();
            missing.Add("entryId", "请指明对哪一条公示名单提出异议（entryId）");
            return Problems.Validation(missing);
        }

        var (receipt, errors) = await PublicationUseCases.FileObjectionAsync(scopes, id, entry, request.Name, request.Contact, request.Reason, clock, ct);
        return receipt is null
            ? Problems.Validation(errors)
            : TypedResults.Created($"/public/publications/{id}", new ObjectionReceipt(receipt, $"异议已受理，受理编号{receipt}。公示机关将核实后联系您。"));
    }
}
