using System.Security.Cryptography;
using Gongjiang.Core.Reference;
using Gongjiang.Core.Window;
using Gongjiang.Web.Features.Window.Data;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;

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
}
