using Gongjiang.Core.Calendar;
using Gongjiang.Web.Platform.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongjiang.Web.Features.Window;

/// <summary>The answer of <c>GET /api/v1/calendar/working-days?from&amp;add</c> (issue 12, pinned).</summary>
/// <param name="From">The day counting starts after.</param>
/// <param name="Add">Working days added.</param>
/// <param name="Date">The <paramref name="Add"/>-th working day after <paramref name="From"/>.</param>
/// <param name="Provisional">True when a counted year is not covered by the State Council's holiday notices (Monday to Friday counted).</param>
public sealed record WorkingDaysAddedDto(DateOnly From, int Add, DateOnly Date, bool Provisional);

/// <summary>The answer of <c>GET /api/v1/calendar/working-days?from&amp;to</c> (issue 12, pinned).</summary>
/// <param name="From">The day counting starts after (not counted).</param>
/// <param name="To">The last day counted.</param>
/// <param name="WorkingDays">Working days after <paramref name="From"/> up to and including <paramref name="To"/>.</param>
/// <param name="Provisional">True when a counted year is not covered by the State Council's holiday notices.</param>
public sealed record WorkingDaysCountedDto(DateOnly From, DateOnly To, int WorkingDays, bool Provisional);

/// <summary>
/// The public working-day calendar (no sign-in): Core's <see cref="WorkingDays"/> over
/// <see cref="WorkingDayCalendar.China"/> (statutory holidays and 调休 of the State Council's annual notices).
/// </summary>
internal static class CalendarApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/calendar").WithTags("工作日历").AllowAnonymous();
        group.MapGet("/working-days", WorkingDaysQuery)
            .WithSummary("工作日计算：from 加 add 个工作日（次日起算）得到的日期，或 from 之后至 to（含）的工作日数；法定节假日和调休按国务院办公厅每年的通知");
    }

    private static Results<Ok<WorkingDaysAddedDto>, Ok<WorkingDaysCountedDto>, ProblemHttpResult> WorkingDaysQuery(string? from, string? add, string? to)
    {
        var errors = new FieldErrors();
        var start = WorkingDays.ParseDate(from, "起始日期（from）");
        if (!start.IsValid)
        {
            errors.Add("from", start.Reasons[0]);
        }

        var hasAdd = add is not null;
        var hasTo = to is not null;
        if (hasAdd == hasTo)
        {
            errors.Add(hasAdd ? "to" : "add", hasAdd ? "工作日数（add）与截止日期（to）只能填写一个" : "请填写工作日数（add）或截止日期（to）之一");
            return Problems.Validation(errors);
        }

        if (hasAdd)
        {
            var count = WorkingDays.ParseCount(add, "工作日数（add）");
            if (!count.IsValid)
            {
                errors.Add("add", count.Reasons[0]);
            }

            if (!errors.IsEmpty)
            {
                return Problems.Validation(errors);
            }

            var added = WorkingDays.AddWorkingDays(WorkingDayCalendar.China, start.Value, count.Value);
            if (!added.IsValid)
            {
                errors.Add(added.Reasons[0].Contains("（from）", StringComparison.Ordinal) ? "from" : "add", added.Reasons[0]);
                return Problems.Validation(errors);
            }

            var a = added.Value!;
            return TypedResults.Ok(new WorkingDaysAddedDto(a.From, a.Add, a.Date, a.Provisional));
        }

        var end = WorkingDays.ParseDate(to, "截止日期（to）");
        if (!end.IsValid)
        {
            errors.Add("to", end.Reasons[0]);
        }

        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var counted = WorkingDays.CountWorkingDays(WorkingDayCalendar.China, start.Value, end.Value);
        if (!counted.IsValid)
        {
            errors.Add("to", counted.Reasons[0]);
            return Problems.Validation(errors);
        }

        var c = counted.Value!;
        return TypedResults.Ok(new WorkingDaysCountedDto(c.From, c.To, c.WorkingDays, c.Provisional));
    }
}
