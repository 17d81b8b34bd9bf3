namespace Gongjiang.Web.Features.Policies.Shared;

/// <summary>Who made a record, as a person reads it: the platform's own actor is “系统”, an account its user name.</summary>
public static class Authors
{
    public static string Who(string? userName) => userName switch
    {
        null or "" => "—",
        "system" => "系统",
        _ when userName.StartsWith("system:", StringComparison.Ordinal) => "系统",
        _ => userName,
    };
}
