namespace Gongjiang.Web.Tests.Infrastructure;

/// <summary>
/// The application's clock in tests: the real time plus an offset a test may move forward (e.g. past the end of a
/// 公示期). Everything that reads time through the injected <see cref="TimeProvider"/> sees the moved time.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    /// <summary>Today's date in China Standard Time, as the application sees it.</summary>
    public DateOnly Today => DateOnly.FromDateTime(GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
}
