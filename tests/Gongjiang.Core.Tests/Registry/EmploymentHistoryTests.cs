using Gongjiang.Core.Registry;

namespace Gongjiang.Core.Tests.Registry;

public sealed class EmploymentHistoryTests
{
    private static readonly Guid Factory = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid Works = Guid.Parse("00000000-0000-0000-0000-000000000002");

    [Theory]
    // No current employment: the line starts one.
    [InlineData(false, null, 1, "焊工", true)]
    // Same employer and occupation: the current employment continues (its details are updated).
    [InlineData(true, "焊工", 1, "焊工", false)]
    // Another employer: a new employment (任职经历 keeps where the person worked).
    [InlineData(true, "焊工", 2, "焊工", true)]
    // Another occupation at the same employer: a new employment (任职经历 keeps as what).
    [InlineData(true, "焊工", 1, "电工", true)]
    public void StartsNew_when_the_employer_or_the_occupation_changes(bool hasCurrent, string? currentOccupation, int employer, string occupation, bool startsNew)
    {
        Assert.Equal(startsNew, EmploymentHistory.StartsNew(hasCurrent ? Factory : null, currentOccupation, employer == 1 ? Factory : Works, occupation));
    }

    [Theory]
    // The new start is later than the current one's: the current one ends the day before.
    [InlineData("2015-03-01", "2024-01-01", "2023-12-31")]
    // The current one has no start: any new start ends it the day before.
    [InlineData(null, "2024-01-01", "2023-12-31")]
    // The new start is not later (same day or earlier): ending before it would overlap, so the change is dated today.
    [InlineData("2015-03-01", "2015-03-01", "2025-06-30")]
    [InlineData("2015-03-01", "2010-01-01", "2025-06-30")]
    // The line gives no start: the change is dated today.
    [InlineData("2015-03-01", null, "2025-06-30")]
    public void EndOfCurrent_is_the_day_before_a_later_start_or_today(string? currentStart, string? newStart, string end)
    {
        Assert.Equal(Date(end), EmploymentHistory.EndOfCurrent(currentStart is null ? null : Date(currentStart), newStart is null ? null : Date(newStart), new DateOnly(2025, 6, 30)));
    }

    private static DateOnly Date(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
