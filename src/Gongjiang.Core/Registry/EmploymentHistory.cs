namespace Gongjiang.Core.Registry;

/// <summary>
/// How a roster line changes a person's employment history (任职经历). A person has one current employment; a line with
/// another employer or another occupation (职业（工种）) starts a new one and ends the current one, so the history keeps
/// where and as what the person worked, which the skill and wage rules read (policy 二、四: 技能人才 in 企业生产一线岗位).
/// </summary>
public static class EmploymentHistory
{
    /// <summary>
    /// True when a roster line starts a new employment: there is no current one, or the employer or the occupation
    /// differs (compared exactly; the import normalises both before).
    /// </summary>
    public static bool StartsNew(Guid? currentEmployer, string? currentOccupation, Guid employer, string occupation) =>
        currentEmployer is not { } current || current != employer || !string.Equals(currentOccupation, occupation, StringComparison.Ordinal);

    /// <summary>
    /// The end date of the current employment when a new one starts: the day before the new start when the line gives
    /// a start later than the current one's (or the current one has none); otherwise the day of the import — a start
    /// not after the current one's would make the history overlap, so the change is dated when it was recorded.
    /// </summary>
    public static DateOnly EndOfCurrent(DateOnly? currentStart, DateOnly? newStart, DateOnly today) =>
        newStart is { } start && start > (currentStart ?? DateOnly.MinValue) ? start.AddDays(-1) : today;
}
