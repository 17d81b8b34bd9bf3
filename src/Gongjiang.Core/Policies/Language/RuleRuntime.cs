using System.Numerics;

namespace Gongjiang.Core.Policies;

/// <summary>
/// The operations compiled rules call, shared with constant folding at check time so that both compute alike.
/// Every operation is total or throws <see cref="OverflowException"/> (reported as “计算溢出”); division by zero is
/// checked before these are called.
/// </summary>
internal static class RuleRuntime
{
    /// <summary>Full years from <paramref name="from"/> to <paramref name="to"/> (day numbers): the anniversary counts (29 February → 28 February).</summary>
    public static long YearsBetween(long from, long to)
    {
        if (to < from)
        {
            return -YearsBetween(to, from);
        }

        var a = Date(from);
        var b = Date(to);
        var years = b.Year - a.Year;
        if (years > 0 && a.AddYears(years) > b)
        {
            years--;
        }

        return years;
    }

    /// <summary>Full months from <paramref name="from"/> to <paramref name="to"/>; the monthly anniversary counts (31 January → 28/29 February).</summary>
    public static long MonthsBetween(long from, long to)
    {
        if (to < from)
        {
            return -MonthsBetween(to, from);
        }

        var a = Date(from);
        var b = Date(to);
        var months = ((b.Year - a.Year) * 12) + b.Month - a.Month;
        if (months > 0 && a.AddMonths(months) > b)
        {
            months--;
        }

        return months;
    }

    public static long DaysBetween(long from, long to) => checked(to - from);

    public static long AddYears(long date, long years) => Shift(date, years, static (d, n) => d.AddYears(n), 10_000);

    public static long AddMonths(long date, long months) => Shift(date, months, static (d, n) => d.AddMonths(n), 120_000);

    public static long AddDays(long date, long days) => Shift(date, days, static (d, n) => d.AddDays(n), 3_700_000);

    public static long MoneyMulDec(long fen, decimal factor) =>
        checked((long)Math.Round(fen * factor, 0, MidpointRounding.AwayFromZero));

    public static long MoneyDivInt(long fen, long divisor) =>
        checked((long)Math.Round((decimal)fen / divisor, 0, MidpointRounding.AwayFromZero));

    public static long MoneyDivDec(long fen, decimal divisor) =>
        checked((long)Math.Round(fen / divisor, 0, MidpointRounding.AwayFromZero));

    public static decimal MoneyRatio(long fen, long divisor) => (decimal)fen / divisor;

    public static long YuanFromInt(long yuan) => checked(yuan * 100);

    public static long YuanFromDecimal(decimal yuan) =>
        checked((long)Math.Round(yuan * 100m, 0, MidpointRounding.AwayFromZero));

    public static long IntDiv(long a, long b) => b == -1 ? checked(-a) : a / b;

    public static long IntMod(long a, long b) => b == -1 ? 0 : a % b;

    public static bool StringEquals(string a, string b) => string.Equals(a, b, StringComparison.Ordinal);

    public static bool StartsWith(string a, string b) => a.StartsWith(b, StringComparison.Ordinal);

    public static bool EndsWith(string a, string b) => a.EndsWith(b, StringComparison.Ordinal);

    public static long SetSize(long mask) => BitOperations.PopCount((ulong)mask);

    public static long YearsSize(long[] years)
    {
        var count = 0L;
        foreach (var year in years)
        {
            if (year != 0)
            {
                count++;
            }
        }

        return count;
    }

    public static bool InSet(long mask, long member) => (mask & (1L << (int)member)) != 0;

    public static bool InYears(long[] years, long member) => member < years.Length && years[member] != 0;

    /// <summary>Constant folding at check time, with the compiled semantics (checked, rounding half away from zero).</summary>
    public static object Fold(BinaryOp op, object left, object right) => op switch
    {
        BinaryOp.IntAdd or BinaryOp.MoneyAdd => (object)(checked((long)left + (long)right)),
        BinaryOp.IntSub or BinaryOp.MoneySub => (object)(checked((long)left - (long)right)),
        BinaryOp.IntMul or BinaryOp.MoneyMulInt => (object)(checked((long)left * (long)right)),
        BinaryOp.IntDiv => (object)(IntDiv((long)left, (long)right)),
        BinaryOp.IntMod => (object)(IntMod((long)left, (long)right)),
        BinaryOp.DecAdd => (object)((decimal)left + (decimal)right),
        BinaryOp.DecSub => (object)((decimal)left - (decimal)right),
        BinaryOp.DecMul => (object)((decimal)left * (decimal)right),
        BinaryOp.DecDiv => (object)((decimal)left / (decimal)right),
        BinaryOp.MoneyMulDec => (object)(MoneyMulDec((long)left, (decimal)right)),
        BinaryOp.MoneyDivInt => (object)(MoneyDivInt((long)left, (long)right)),
        BinaryOp.MoneyDivDec => (object)(MoneyDivDec((long)left, (decimal)right)),
        BinaryOp.MoneyRatio => (object)(MoneyRatio((long)left, (long)right)),
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    private static DateOnly Date(long day) => DateOnly.FromDayNumber((int)day);

    private static long Shift(long date, long amount, Func<DateOnly, int, DateOnly> shift, long limit)
    {
        if (amount > limit || amount < -limit)
        {
            throw new OverflowException();
        }

        try
        {
            return shift(Date(date), (int)amount).DayNumber;
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new OverflowException();
        }
    }
}
