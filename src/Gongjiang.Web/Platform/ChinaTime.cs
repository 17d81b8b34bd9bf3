namespace Gongjiang.Web.Platform;

/// <summary>Civil dates and times are China Standard Time (DESIGN.md: “all civil dates are China Standard Time”).</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>Today's date in China, by the injected clock.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);

    /// <summary>The moment a China date begins (its 00:00 CST).</summary>
    public static DateTimeOffset StartOf(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), Offset);

    /// <summary>The moment a China date ends (the next day's 00:00 CST).</summary>
    public static DateTimeOffset EndOf(DateOnly date) => new(date.AddDays(1).ToDateTime(TimeOnly.MinValue), Offset);
}
