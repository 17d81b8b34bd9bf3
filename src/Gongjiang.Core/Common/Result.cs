namespace Gongjiang.Core.Common;

/// <summary>
/// The outcome of checking or parsing a value at the boundary. An invalid value is an ordinary outcome,
/// not an exception: <see cref="Error"/> says in Simplified Chinese exactly what is wrong.
/// </summary>
public readonly record struct Result<T>
{
    private Result(T? value, string? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The accepted value; <c>default</c> when <see cref="IsValid"/> is false.</summary>
    public T? Value { get; }

    /// <summary>Chinese reason for rejection; null when valid.</summary>
    public string? Error { get; }

    public bool IsValid => Error is null;

    public static Result<T> Ok(T value) => new(value, null);

    public static Result<T> Fail(string error) => new(default, error);

    /// <summary>The value, or throws with the Chinese reason (for code paths that already validated).</summary>
    public T GetValueOrThrow() =>
        IsValid ? Value! : throw new InvalidOperationException(Error);
}
