using System.Text;
using Gongjiang.Web.Platform.Imports;
using Gongjiang.Web.Tests.Registry.Imports;

namespace Gongjiang.Web.Tests.Imports;

/// <summary>
/// ADR 0017: the shared import engine reads a file described by any module's <see cref="ImportSchema"/> — here a
/// made-up two-column 工资条 that no registry code knows — with the same encoding detection, title-row skipping, header
/// aliases and Chinese messages as the registry's imports.
/// </summary>
public sealed class TabularImportTests
{
    private static readonly ImportColumn StaffNumber = new("staffNumber", "工号", true, ["工号", "职工编号", "员工号"], "000123") { Type = ImportValueType.Code };
    private static readonly ImportColumn GrossPay = new("grossPay", "应发工资", true, ["应发工资", "应发金额", "工资"], "8650.00");

    /// <summary>A file kind of no existing module: only the engine reads it.</summary>
    private static readonly ImportSchema Payslips = new("工资条", [StaffNumber, GrossPay]);

    private static readonly ImportSchema Attendance = new(
        "考勤表", [new ImportColumn("staffNumber", "工号", true, ["工号"]), new ImportColumn("days", "出勤天数", true, ["出勤天数", "天数"])]);

    static TabularImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static Task<TabularImportResult> Read(byte[] bytes, ImportReadOptions? options = null) =>
        TabularImport.ReadAsync(new MemoryStream(bytes), "工资条.csv", Payslips, options, CancellationToken.None);

    [Theory]
    [InlineData("UTF-8", true, "UTF-8")] // Excel's "CSV UTF-8" writes a byte order mark
    [InlineData("GBK", false, "GB18030")] // Excel's plain "CSV" on a Chinese Windows writes GBK without one; detected as its superset
    public async Task A_csv_file_of_a_module_schema_is_read_into_cells_by_key(string encodingName, bool bom, string detected)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var text = "工号,应发工资,备注\r\n000123,8650.00,三月\r\n000456,7200.50,\r\n";
        byte[] bytes = bom ? [.. encoding.GetPreamble(), .. encoding.GetBytes(text)] : encoding.GetBytes(text);

        var result = await Read(bytes);

        Assert.True(result.Succeeded, result.FileError);
        Assert.Equal("CSV", result.Format);
        Assert.Equal(detected, result.Encoding);
        Assert.Empty(result.Problems);
        Assert.Collection(
            result.Rows,
            row => Assert.Equal((2, "000123", "8650.00"), (row.RowNumber, row["staffNumber"], row["grossPay"])),
            row => Assert.Equal((3, "000456", "7200.50"), (row.RowNumber, row["staffNumber"], row["grossPay"])));
        Assert.False(result.Rows[0].Cells.ContainsKey("备注"));
    }

    [Fact]
    public async Task An_xlsx_file_with_a_title_row_is_read_from_the_header_below_it()
    {
        var bytes = new XlsxBuilder()
            .Texts(1, "2026年3月工资条（示例单位）").Merge("A1:B1")
            .Texts(2, "工号", "应发工资")
            .Row(3, new XCell("A3", "000123"), new XCell("B3", 8650.5))
            .Build();

        var result = await Read(bytes);

        Assert.True(result.Succeeded, result.FileError);
        Assert.Equal("XLSX", result.Format);
        var row = Assert.Single(result.Rows);
        Assert.Equal((3, "000123", "8650.5"), (row.RowNumber, row["staffNumber"], row["grossPay"]));
    }

    [Fact]
    public async Task Alias_headers_in_another_order_map_to_the_schema_keys()
    {
        var result = await Read(ImportFixtures.Utf8("应发金额,员工号\r\n5000,000789\r\n"));

        Assert.True(result.Succeeded, result.FileError);
        var row = Assert.Single(result.Rows);
        Assert.Equal(("000789", "5000"), (row["staffNumber"], row["grossPay"]));
    }

    [Fact]
    public async Task A_missing_required_column_is_a_chinese_file_error_naming_the_column()
    {
        var result = await Read(ImportFixtures.Utf8("工号,备注\r\n000123,三月\r\n"));

        Assert.False(result.Succeeded);
        Assert.StartsWith("缺少必填列：应发工资（可用列名：应发金额、工资）", result.FileError, StringComparison.Ordinal);
        Assert.Empty(result.Rows);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((null, ImportProblem.FileColumn), (problem.RowNumber, problem.Column));
    }

    [Fact]
    public async Task A_file_of_a_sibling_schema_is_named_in_the_error()
    {
        var options = ImportReadOptions.Default with { OtherSchemas = [Payslips, Attendance] };

        var result = await Read(ImportFixtures.Utf8("工号,出勤天数\r\n000123,22\r\n"), options);

        Assert.False(result.Succeeded);
        Assert.Contains("该文件看起来是考勤表，请在“考勤表”导入中上传。", result.FileError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_required_cell_and_a_formula_are_problems_of_their_row_and_the_other_rows_stay_clean()
    {
        var result = await Read(ImportFixtures.Utf8("工号,应发工资\r\n000123,\r\n000456,=A3*2\r\n000789,6100\r\n"));

        Assert.True(result.Succeeded, result.FileError);
        Assert.Equal(3, result.Rows.Count);
        Assert.Equal(
            [(2, "应发工资", "应发工资不能为空"), (3, "应发工资", "单元格含有公式，请将其复制后“粘贴为数值”再导入")],
            result.Problems.Select(p => (p.RowNumber!.Value, p.Column, p.Message)));
        Assert.Equal(["000789"], result.CleanRows.Select(row => row["staffNumber"]));
    }

    [Fact]
    public async Task The_error_report_lists_row_column_masked_value_and_reason()
    {
        ImportProblem[] problems =
        [
            ImportProblem.OfFile("数据行数超过上限"),
            new(5, "备注", "联系 13812345678", "备注过长"),
            new(6, "工号", "000123", "与第5行重复") { IsDuplicate = true },
        ];
        using var output = new MemoryStream();

        await ImportErrorReport.WriteCsvAsync(output, problems, CancellationToken.None);

        var lines = Encoding.UTF8.GetString(output.ToArray()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                "行号,列,值,原因,类型",
                "\"\",\"文件\",\"\",\"数据行数超过上限\",\"文件错误\"",
                "5,\"备注\",\"联系 138****5678\",\"备注过长\",\"错误\"",
                "6,\"工号\",\"000123\",\"与第5行重复\",\"重复\"",
            ],
            lines);
    }

    [Fact]
    public async Task The_xlsx_template_of_a_schema_reads_back_as_its_example_row()
    {
        var template = ImportTemplates.Xlsx(Payslips);

        var result = await Read(template);

        Assert.True(result.Succeeded, result.FileError);
        var row = Assert.Single(result.Rows);
        Assert.Equal((3, "000123", "8650.00"), (row.RowNumber, row["staffNumber"], row["grossPay"]));
        Assert.Equal("工资条导入模板（带*为必填）", ImportTemplates.Title(Payslips));
    }

    [Fact]
    public async Task The_csv_template_of_a_schema_reads_back_as_its_example_row()
    {
        var result = await Read(ImportTemplates.Csv(Payslips));

        Assert.True(result.Succeeded, result.FileError);
        var row = Assert.Single(result.Rows);
        Assert.Equal((2, "000123", "8650.00"), (row.RowNumber, row["staffNumber"], row["grossPay"]));
    }

    [Fact]
    public void A_schema_refuses_a_key_twice_and_a_schema_without_a_required_column()
    {
        Assert.Throws<ArgumentException>(() => new ImportSchema("重复", [StaffNumber, StaffNumber with { Header = "编号" }]));
        Assert.Throws<ArgumentException>(() => new ImportSchema("无必填", [StaffNumber with { Required = false }]));
    }
}
