namespace Gongjiang.Core.Common;

/// <summary>
/// The outcome of checking, parsing or a workflow step. An invalid value or a refused step is an ordinary outcome,
/// not an exception: <see cref="Reasons"/> say in Simplified Chinese exactly what is wrong (one or more).
/// </summary>
public readonly record struct Result<T>
{
    private Result(T? value, IReadOnlyList<string>? reasons)
    {
        Value = value;
        Reasons = reasons ?? [];
    }

    /// <summary>The accepted value; <c>default</c> when <see cref="IsValid"/> is false.</summary>
    public T? Value { get; }

    /// <summary>Every reason for the refusal, in Chinese; empty when valid.</summary>
    public IReadOnlyList<string> Reasons { get; }

    /// <summary>The reasons joined with “；”; null when valid.</summary>
    public string? Error => Reasons.Count == 0 ? null : string.Join("；", Reasons);

    public bool IsValid => Reasons.Count == 0;

    public static Result<T> Ok(T value) => new(value, null);

    public static Result<T> Fail(string error) => new(default, [error]);

    /// <summary>A failure with several reasons (at least one).</summary>
    public static Result<T> Fail(IReadOnlyList<string> reasons)
    {
        ArgumentOutOfRangeException.ThrowIfZero(reasons.Count);
        return new(default, reasons);
    }

    /// <summary>The value, or throws with the Chinese reason (for code paths that already validated).</summary>
    public T GetValueOrThrow() =>
        IsValid ? Value! : throw new InvalidOperationException(Error);
}
