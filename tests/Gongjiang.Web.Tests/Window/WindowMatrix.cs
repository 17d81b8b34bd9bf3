using System.Security.Cryptography;
using Gongjiang.Core.Reference;
using Gongjiang.Core.Window;
using Gongjiang.Web.Features.Window.Data;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Web.Tests.Window;

/// <summary>The window's records for the endpoint matrix: one routed request per side.</summary>
public static class WindowMatrix
{
    public static async Task<(Guid RequestId, Guid TaskId, string ReceiptNumber)> MakeRequestAsync(TestApp app, string regionCode, Guid personId, Guid enterpriseId, string personName)
    {
        ArgumentNullException.ThrowIfNull(app);
        var today = app.Clock.Today;
        await using var db = app.CreateContext(Actor.System("test"));
        var request = new ServiceRequest
        {
            ReceiptNumber = ReceiptNumber.Create(regionCode, today, 990, RandomNumberGenerator.GetBytes(4)).Value,
            ItemCodes = "housing",
            RegionCode = regionCode,
            PersonId = personId,
            EnterpriseId = enterpriseId,
            ApplicantName = personName,
            Status = ServiceRequestStatus.InProgress,
            Channel = "窗口代办",
            FiledOn = today,
            AcceptedOn = today,
            CommittedWorkingDays = 10,
            StatutoryWorkingDays = 20,
            FiledBy = "clerk",
            CreatedAt = app.Clock.GetUtcNow(),
        };
        var task = new RequestTask { RequestId = request.Id, RegionCode = regionCode, DepartmentCode = Departments.Housing.Code, ItemCodes = "housing", Status = AssignmentStatus.Pending, RoutedOn = today };
        db.Add(request);
        db.Add(task);
        await db.SaveChangesAsync();
        return (request.Id, task.Id, request.ReceiptNumber);
    }

    /// <summary>A PDF material of the request, stored in the materials folder as the upload would store it.</summary>
    public static async Task<Guid> MakeMaterialAsync(TestApp app, Guid requestId)
    {
        ArgumentNullException.ThrowIfNull(app);
        var content = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n");
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var folder = Path.Combine(app.Services.GetRequiredService<PlatformSettings>().DataFolder, "window-materials");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, sha), content);
        await using var db = app.CreateContext(Actor.System("test"));
        var request = await db.Set<ServiceRequest>().SingleAsync(r => r.Id == requestId);
        var material = new RequestMaterial
        {
            RequestId = requestId,
            RegionCode = request.RegionCode,
            PersonId = request.PersonId,
            EnterpriseId = request.EnterpriseId,
            MaterialCode = "id-card",
            FileName = "身份证.pdf",
            Type = MaterialFileType.Pdf,
            Length = content.Length,
            Sha256 = sha,
            UploadedBy = "clerk",
            UploadedAt = app.Clock.GetUtcNow(),
        };
        db.Add(material);
        await db.SaveChangesAsync();
        return material.Id;
    }
}
