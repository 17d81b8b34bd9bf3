using System.Globalization;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Jobs;

namespace Gongjiang.Web.Features.Jobs;

/// <summary>How a job's times and progress read on the pages.</summary>
internal static class JobView
{
    public static string Time(DateTimeOffset? instant) =>
        instant is { } t ? t.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "—";

    public static string Progress(JobRun job) => job.ProgressText ?? job.Status switch
    {
        JobStatus.Queued => "等待执行",
        JobStatus.Running => "执行中",
        _ => "—",
    };

    public static string Percent(JobRun job) =>
        job.ProgressTotal is > 0 and var total ? (job.ProgressDone * 100.0 / total).ToString("0", CultureInfo.InvariantCulture) + "%" : "";
}
