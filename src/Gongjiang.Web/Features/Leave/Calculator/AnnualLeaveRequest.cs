using System.Globalization;
using System.Text.Json;
using Gongjiang.Core.Leave;
using Gongjiang.Web.Platform.Api;

namespace Gongjiang.Web.Features.Leave.Calculator;

/// <summary>
/// The body of <c>POST /api/v1/leave/annual/calculate</c> as documented (the endpoint reads the JSON itself, so that a
/// wrong type names its field in Chinese instead of failing the whole body).
/// </summary>
/// <param name="Year">计算年度 (required), e.g. 2026.</param>
/// <param name="FirstWorkDate">参加工作日期 “YYYY-MM-DD” (required): continuous work since then is assumed.</param>
/// <param name="HireDate">入职日期 when the worker joined the current employer during the year; null otherwise.</param>
/// <param name="LeaveDate">离职日期 when the worker leaves the current employer during the year; null otherwise.</param>
/// <param name="SickLeaveMonths">病假累计月数 (default 0).</param>
/// <param name="PersonalLeaveDays">事假累计天数 (default 0).</param>
/// <param name="PersonalLeaveWagesDeducted">事假期间单位是否扣工资 (default true).</param>
/// <param name="VacationDays">寒暑假天数 (default 0).</param>
/// <param name="DaysTaken">已休年休假天数 (default 0).</param>
/// <param name="AverageMonthlyWage">月平均工资，元，最多两位小数 (default 0).</param>
/// <param name="WrittenRefusal">Optional: 单位已安排、职工本人书面提出不休 (办法第十条第二款).</param>
/// <param name="ExcludedByPreviousYear">Optional: 办法第八条 (上一年度已休又出现条例第四条第（二）至（五）项情形).</param>
public sealed record AnnualLeaveRequest(
    int Year,
    string FirstWorkDate,
    string? HireDate,
    string? LeaveDate,
    decimal SickLeaveMonths,
    decimal PersonalLeaveDays,
    bool PersonalLeaveWagesDeducted,
    int VacationDays,
    int DaysTaken,
    decimal AverageMonthlyWage,
    bool? WrittenRefusal,
    bool? ExcludedByPreviousYear);

/// <summary>One step of the calculation: the rule, whether it applied, the reason with the values used, the article.</summary>
public sealed record AnnualLeaveTraceStep(string RuleId, bool Holds, string Reason, string? Citation);

/// <summary>
/// The answer: days, why 0 when 0, untaken days, the daily wage and the extra owed (元, two decimals), and every step.
/// </summary>
public sealed record AnnualLeaveResponse(int EntitledDays, string? Reason, int UntakenDays, decimal DailyWage, decimal Compensation, IReadOnlyList<AnnualLeaveTraceStep> Trace)
{
    public static AnnualLeaveResponse From(AnnualLeaveResult result) => new(
        result.EntitledDays,
        result.Reason,
        result.UntakenDays,
        LeaveText.JsonYuan(result.DailyWage),
        LeaveText.JsonYuan(result.Compensation),
        [.. result.Trace.Select(s => new AnnualLeaveTraceStep(s.RuleId, s.Holds, s.Reason, s.Citation))]);
}

/// <summary>
/// Reads the calculator's input from JSON (the API) or form text (the page), field by field, naming each bad field in
/// Chinese under its camelCase key; then <see cref="AnnualLeaveCalculator.Validate"/> checks the values.
/// </summary>
public static class AnnualLeaveRequestReader
{
    public const string BodyField = "body";

    /// <summary>The largest body read (a valid request is under 1 KB).</summary>
    public const int MaxBodyBytes = 16 * 1024;

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        [AnnualLeaveFields.Year] = "年度",
        [AnnualLeaveFields.FirstWorkDate] = "参加工作日期",
        [AnnualLeaveFields.HireDate] = "入职日期",
        [AnnualLeaveFields.LeaveDate] = "离职日期",
        [AnnualLeaveFields.SickLeaveMonths] = "病假累计月数",
        [AnnualLeaveFields.PersonalLeaveDays] = "事假累计天数",
        [PersonalLeaveWagesDeducted] = "事假期间单位是否扣工资",
        [AnnualLeaveFields.VacationDays] = "寒暑假天数",
        [AnnualLeaveFields.DaysTaken] = "已休年休假天数",
        [AnnualLeaveFields.AverageMonthlyWage] = "月平均工资",
        [WrittenRefusal] = "书面提出不休",
        [ExcludedByPreviousYear] = "上一年度情形",
    };

    public const string PersonalLeaveWagesDeducted = "personalLeaveWagesDeducted";
    public const string WrittenRefusal = "writtenRefusal";
    public const string ExcludedByPreviousYear = "excludedByPreviousYear";

    /// <summary>The field's label and key, as messages name it: “年度（year）”.</summary>
    public static string Name(string field) => Labels[field] + "（" + field + "）";

    /// <summary>Reads a JSON body; every bad field (or the body itself, under “body”) is in the errors.</summary>
    public static (AnnualLeaveInput? Input, FieldErrors Errors) ReadJson(ReadOnlyMemory<byte> body)
    {
        var errors = new FieldErrors();
        if (body.IsEmpty || body.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            errors.Add(BodyField, "请求体为空：请以 JSON 对象提交计算条件，如 {\"year\":2026,\"firstWorkDate\":\"2010-07-01\",…}");
            return (null, errors);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 8, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line && ex.BytePositionInLine is { } position
                ? string.Create(CultureInfo.InvariantCulture, $"（第{line + 1}行第{position + 1}个字节附近）")
                : "";
            errors.Add(BodyField, $"请求体不是有效的 JSON{where}，请检查引号、逗号和括号");
            return (null, errors);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add(BodyField, "请求体应为 JSON 对象，如 {\"year\":2026,\"firstWorkDate\":\"2010-07-01\",…}");
                return (null, errors);
            }

            var values = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                values[property.Name] = property.Value.Clone();
            }

            var fields = new JsonFields(values, errors);
            return Build(fields, errors);
        }
    }

    /// <summary>Reads the page's form (text as typed); the same checks and messages as the API.</summary>
    public static (AnnualLeaveInput? Input, FieldErrors Errors) ReadForm(CalculatorForm form)
    {
        var errors = new FieldErrors();
        return Build(new FormFields(form, errors), errors);
    }

    private static (AnnualLeaveInput? Input, FieldErrors Errors) Build(IFieldSource source, FieldErrors errors)
    {
        var year = source.Int(AnnualLeaveFields.Year, required: true, "如 2026");
        var first = source.Date(AnnualLeaveFields.FirstWorkDate, required: true);
        var hire = source.Date(AnnualLeaveFields.HireDate, required: false);
        var leave = source.Date(AnnualLeaveFields.LeaveDate, required: false);
        var sick = source.Decimal(AnnualLeaveFields.SickLeaveMonths);
        var personal = source.Decimal(AnnualLeaveFields.PersonalLeaveDays);
        var deducted = source.Bool(PersonalLeaveWagesDeducted, whenMissing: true);
        var vacation = source.Int(AnnualLeaveFields.VacationDays, required: false, "天数");
        var taken = source.Int(AnnualLeaveFields.DaysTaken, required: false, "天数");
        var wage = source.Decimal(AnnualLeaveFields.AverageMonthlyWage);
        var refusal = source.Bool(WrittenRefusal, whenMissing: false);
        var previous = source.Bool(ExcludedByPreviousYear, whenMissing: false);
        if (!errors.IsEmpty)
        {
            return (null, errors);
        }

        var input = new AnnualLeaveInput(year!.Value, first!.Value, hire, leave, sick ?? 0m, personal ?? 0m, deducted, vacation ?? 0, taken ?? 0, wage ?? 0m, refusal, previous);
        foreach (var error in AnnualLeaveCalculator.Validate(input))
        {
            errors.Add(error.Field, error.Message);
        }

        return errors.IsEmpty ? (input, errors) : (null, errors);
    }

    private interface IFieldSource
    {
        int? Int(string field, bool required, string example);

        decimal? Decimal(string field);

        DateOnly? Date(string field, bool required);

        bool Bool(string field, bool whenMissing);
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static string DateMessage(string field) => $"{Name(field)}应为“YYYY-MM-DD”格式的日期，如 2010-07-01";

    private sealed class JsonFields(Dictionary<string, JsonElement> values, FieldErrors errors) : IFieldSource
    {
        private JsonElement? Get(string field) =>
            values.TryGetValue(field, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) ? value : null;

        public int? Int(string field, bool required, string example)
        {
            if (Get(field) is not { } value)
            {
                if (required)
                {
                    errors.Add(field, $"请填写{Name(field)}，{example}");
                }

                return null;
            }

            if (value.ValueKind != JsonValueKind.Number)
            {
                errors.Add(field, $"{Name(field)}应为整数（JSON 数字，不加引号），当前为{Kind(value)}");
                return null;
            }

            if (!value.TryGetInt32(out var number))
            {
                errors.Add(field, $"{Name(field)}应为整数，当前为{value.GetRawText()}");
                return null;
            }

            return number;
        }

        public decimal? Decimal(string field)
        {
            if (Get(field) is not { } value)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Number)
            {
                errors.Add(field, $"{Name(field)}应为数字（JSON 数字，不加引号），当前为{Kind(value)}");
                return null;
            }

            if (!value.TryGetDecimal(out var number))
            {
                errors.Add(field, $"{Name(field)}的数值超出范围：{value.GetRawText()}");
                return null;
            }

            return number;
        }

        public DateOnly? Date(string field, bool required)
        {
            if (Get(field) is not { } value)
            {
                if (required)
                {
                    errors.Add(field, $"请填写{Name(field)}，格式为“YYYY-MM-DD”，如 2010-07-01");
                }

                return null;
            }

            if (value.ValueKind != JsonValueKind.String || !TryDate(value.GetString()!, out var date))
            {
                errors.Add(field, DateMessage(field) + (value.ValueKind == JsonValueKind.String ? "" : $"（字符串，加引号），当前为{Kind(value)}"));
                return null;
            }

            return date;
        }

        public bool Bool(string field, bool whenMissing)
        {
            if (Get(field) is not { } value)
            {
                return whenMissing;
            }

            if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return value.GetBoolean();
            }

            errors.Add(field, $"{Name(field)}应为 true 或 false（不加引号），当前为{Kind(value)}");
            return whenMissing;
        }

        private static string Kind(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => "字符串" + Shorten(value.GetString()),
            JsonValueKind.Number => "数字" + value.GetRawText(),
            JsonValueKind.True or JsonValueKind.False => "布尔值" + value.GetRawText(),
            JsonValueKind.Array => "数组",
            JsonValueKind.Object => "对象",
            _ => value.ValueKind.ToString(),
        };

        private static string Shorten(string? text) => "“" + (text is { Length: > 20 } ? text[..20] + "…" : text) + "”";
    }

    private sealed class FormFields(CalculatorForm form, FieldErrors errors) : IFieldSource
    {
        private string? Get(string field) => field switch
        {
            AnnualLeaveFields.Year => form.Year,
            AnnualLeaveFields.FirstWorkDate => form.FirstWorkDate,
            AnnualLeaveFields.HireDate => form.HireDate,
            AnnualLeaveFields.LeaveDate => form.LeaveDate,
            AnnualLeaveFields.SickLeaveMonths => form.SickLeaveMonths,
            AnnualLeaveFields.PersonalLeaveDays => form.PersonalLeaveDays,
            AnnualLeaveFields.VacationDays => form.VacationDays,
            AnnualLeaveFields.DaysTaken => form.DaysTaken,
            AnnualLeaveFields.AverageMonthlyWage => form.AverageMonthlyWage,
            _ => null,
        } is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

        public int? Int(string field, bool required, string example)
        {
            if (Get(field) is not { } text)
            {
                if (required)
                {
                    errors.Add(field, $"请填写{Name(field)}，{example}");
                }

                return null;
            }

            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                errors.Add(field, $"{Name(field)}应为整数，当前为“{text}”");
                return null;
            }

            return number;
        }

        public decimal? Decimal(string field)
        {
            if (Get(field) is not { } text)
            {
                return null;
            }

            if (!decimal.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                errors.Add(field, $"{Name(field)}应为数字，当前为“{text}”");
                return null;
            }

            return number;
        }

        public DateOnly? Date(string field, bool required)
        {
            if (Get(field) is not { } text)
            {
                if (required)
                {
                    errors.Add(field, $"请填写{Name(field)}，格式为“YYYY-MM-DD”，如 2010-07-01");
                }

                return null;
            }

            if (!TryDate(text, out var date))
            {
                errors.Add(field, DateMessage(field) + $"，当前为“{text}”");
                return null;
            }

            return date;
        }

        public bool Bool(string field, bool whenMissing) => field switch
        {
            PersonalLeaveWagesDeducted => form.PersonalLeaveWagesDeducted != "false",
            WrittenRefusal => form.WrittenRefusal,
            ExcludedByPreviousYear => form.ExcludedByPreviousYear,
            _ => whenMissing,
        };
    }
}

/// <summary>The calculator page's form, as typed (strings: a bad value is reported, never lost).</summary>
public sealed class CalculatorForm
{
    public string? Year { get; set; }

    public string? FirstWorkDate { get; set; }

    public string? HireDate { get; set; }

    public string? LeaveDate { get; set; }

    public string? SickLeaveMonths { get; set; }

    public string? PersonalLeaveDays { get; set; }

    /// <summary>“true” (扣工资) or “false”.</summary>
    public string? PersonalLeaveWagesDeducted { get; set; } = "true";

    public string? VacationDays { get; set; }

    public string? DaysTaken { get; set; }

    public string? AverageMonthlyWage { get; set; }

    public bool WrittenRefusal { get; set; }

    public bool ExcludedByPreviousYear { get; set; }

    public CalculatorForm Copy() => (CalculatorForm)MemberwiseClone();
}
