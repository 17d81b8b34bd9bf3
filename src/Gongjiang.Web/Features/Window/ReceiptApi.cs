using Gongjiang.Web.Features.Window.Requests;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using W = Gongjiang.Web.Features.Window.WindowPermissions;

namespace Gongjiang.Web.Features.Window;

/// <summary>
/// The 受理回执 PDF of an accepted request (<see cref="ReceiptDocument"/>): by API (bearer token) and from the request page
/// (cookie sign-in). Unknown, out of scope, not the caller's to print, or not accepted yet: 404. Font missing: 503 with
/// the Chinese reason.
/// </summary>
internal static class ReceiptApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("window/requests", "人才服务窗口：受理回执", W.Requests);
        api.MapGet("/{id:guid}/receipt", ApiAsync)
            .WithSummary("下载受理回执（PDF，含办件编号、申请人（脱敏）、事项、部门、承诺和法定办结时限及查询进度的二维码）；仅申请人和窗口经办人，办件受理后可下载，记入审计");

        app.MapGet("/window/requests/{id:guid}/receipt", PageAsync).RequireAuthorization(W.Requests).ExcludeFromDescription();
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ApiAsync(Guid id, HttpRequest request, ReceiptDocument receipts, PublicAddress address, CancellationToken ct)
    {
        var receipt = await receipts.CreateAsync(id, path => address.Absolute(request, path), ct);
        if (receipt is null)
        {
            return Problems.NotFound("已受理的办件");
        }

        return receipt.Pdf is null
            ? TypedResults.Problem(detail: receipt.Error, statusCode: StatusCodes.Status503ServiceUnavailable, title: "无法生成受理回执")
            : TypedResults.File(receipt.Pdf, "application/pdf", receipt.FileName);
    }

    private static async Task<IResult> PageAsync(Guid id, HttpRequest request, ReceiptDocument receipts, PublicAddress address, CancellationToken ct)
    {
        var receipt = await receipts.CreateAsync(id, path => address.Absolute(request, path), ct);
        return receipt switch
        {
            null => Results.NotFound(),
            { Pdf: null } => Results.Text(receipt.Error, "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable),
            _ => Results.File(receipt.Pdf, "application/pdf", receipt.FileName),
        };
    }
}
