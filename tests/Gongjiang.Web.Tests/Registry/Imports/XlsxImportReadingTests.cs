using Gongjiang.Web.Features.Registry.Imports;
using Gongjiang.Web.Platform.Imports;
using static Gongjiang.Web.Tests.Registry.Imports.ImportFixtures;

namespace Gongjiang.Web.Tests.Registry.Imports;

/// <summary>Reading XLSX imports: government-style title rows and merged headers, formulas, numbers and dates.</summary>
public sealed class XlsxImportReadingTests
{
    [Fact]
    public void A_plain_sheet_is_read_with_the_row_numbers_of_the_sheet()
    {
        var bytes = new XlsxBuilder()
            .Texts(1, "姓名", "公民身份号码", "工作单位", "统一社会信用代码", "职业（工种）")
            .Texts(2, "李建华", "44030619780512321X", "深圳市鹏城精密制造有限公司", "91440306MA5DPC0108", "数控车工")
            .Texts(5, "王秀英", "110101198003070028", "北京市京华机床厂", "91110000100000000X", "钳工")
            .Build();

        using var result = OpenOk(bytes);

        var rows = result.Rows.ToList();
        Assert.Equal(ImportReadResult.XlsxFormat, result.Format);
        Assert.Null(result.Encoding);
        Assert.Equal([2, 5], rows.Select(row => row.RowNumber));
        Assert.Equal("44030619780512321X", rows[0].Cells["idNumber"]);
        Assert.Equal("钳工", rows[1].Cells["occupation"]);
    }

    [Fact]
    public void Row_numbers_and_formulas_stay_aligned_when_the_sheet_starts_below_row_one_and_has_gaps()
    {
        var bytes = new XlsxBuilder()
            .Texts(3, "姓名", "公民身份号码", "工作单位", "统一社会信用代码", "职业（工种）")
            .Texts(4, "李建华", "44030619780512321X", "深圳市鹏城精密制造有限公司", "91440306MA5DPC0108", "数控车工")
            .Row(6)
            .Row(
                9,
                new XCell("B9", "110101198003070028"),
                new XCell("A9", "王秀英"),
                new XCell("C9", "北京市京华机床厂"),
                new XCell("D9", "91110000100000000X"),
                new XCell("E9", "钳工", Formula: "\"钳\"&\"工\""))
            .Texts(10, "张伟", "440306198511230018", "北京市京华机床厂", "91110000100000000X", "车工")
            .Build();

        using var result = OpenOk(bytes);

        var rows = result.Rows.ToList();
        Assert.Equal(3, result.HeaderRowNumber);
        Assert.Equal([4, 9, 10], rows.Select(row => row.RowNumber));
        Assert.Empty(rows[0].Problems);
        Assert.Equal("王秀英", rows[1].Cells["name"]);
        Assert.Equal("occupation", Assert.Single(rows[1].Problems).ColumnKey);
        Assert.Empty(rows[2].Problems);
        Assert.Equal("车工", rows[2].Cells["occupation"]);
    }

    [Fact]
    public void Title_rows_and_a_merged_two_row_header_are_understood_and_merged_cells_carry_their_value()
    {
        var bytes = new XlsxBuilder()
            .Texts(1, "高技能领军人才数据库——人员名册")
            .Merge("A1:H1")
            .Texts(2, "填报单位（盖章）：深圳市人力资源和社会保障局", null, null, null, null, null, "填报日期：2024年5月")
            .Merge("A2:F2")
            .Texts(3, "姓名", "公民身份号码", "工作单位", "统一社会信用代码", "职业（工种）", "证书信息", null, "备注")
            .Texts(4, null, null, null, null, null, "证书编号", "发证日期", null)
            .Merge("A3:A4").Merge("B3:B4").Merge("C3:C4").Merge("D3:D4").Merge("E3:E4").Merge("F3:G3").Merge("H3:H4")
            .Texts(5, "李建华", "44030619780512321X", "深圳市鹏城精密制造有限公司", "91440306MA5DPC0108", "数控车工", "S000044030000194000123", "2019-06-30")
            .Texts(6, "张伟", "440306198511230018", null, null, "钳工", "S000044030000194000456", "2020-01-15")
            .Merge("C5:C6").Merge("D5:D6")
            .Build();

        using var result = OpenOk(bytes);

        var rows = result.Rows.ToList();
        Assert.Equal(3, result.HeaderRowNumber);
        Assert.Equal(2, result.HeaderRowCount);
        Assert.Equal("F", result.Columns["certificateNumber"].ColumnLetter);
        Assert.Equal("证书编号", result.Columns["certificateNumber"].Header);
        Assert.Equal("G", result.Columns["certificateDate"].ColumnLetter);
        Assert.Equal("A", result.Columns["name"].ColumnLetter);
        Assert.Equal(["备注"], result.IgnoredHeaders);
        Assert.Empty(result.DuplicateHeaders);
        Assert.Equal([5, 6], rows.Select(row => row.RowNumber));
        Assert.Equal("S000044030000194000123", rows[0].Cells["certificateNumber"]);
        Assert.Equal("2019-06-30", rows[0].Cells["certificateDate"]);
        Assert.Equal("张伟", rows[1].Cells["name"]);
        Assert.Equal("深圳市鹏城精密制造有限公司", rows[1].Cells["enterpriseName"]);
        Assert.Equal("91440306MA5DPC0108", rows[1].Cells["creditCode"]);
    }

    [Fact]
    public void A_merged_group_header_naming_a_column_itself_gives_way_to_the_more_specific_names_below()
    {
        var bytes = new XlsxBuilder()
            .Texts(1, "姓名", "公民身份号码", "职业（工种）", "工作单位", null)
            .Texts(2, null, null, null, "单位名称", "统一社会信用代码")
            .Merge("A1:A2").Merge("B1:B2").Merge("C1:C2").Merge("D1:E1")
            .Texts(3, "李建华", "44030619780512321X", "数控车工", "深圳市鹏城精密制造有限公司", "91440306MA5DPC0108")
            .Build();

        using var result = OpenOk(bytes);

        Assert.Equal(1, result.HeaderRowNumber);
        Assert.Equal(2, result.HeaderRowCount);
        Assert.Equal("单位名称", result.Columns["enterpriseName"].Header);
        Assert.Equal("E", result.Columns["creditCode"].ColumnLetter);
        Assert.Empty(result.DuplicateHeaders);
        var row = Assert.Single(result.Rows);
        Assert.Equal(3, row.RowNumber);
        Assert.Equal("91440306MA5DPC0108", row.Cells["creditCode"]);
    }

    [Fact]
    public void A_formula_cell_is_a_problem_and_its_cached_value_is_not_used()
    {
        var bytes = new XlsxBuilder()
            .Texts(1, "姓名", "公民身份号码", "工作单位", "统一社会信用代码", "职业（工种）", "手机号码")
            .Row(
                2,
                new XCell("A2", "李建华"),
                new XCell("B2", "44030619780512321X", Formula: "UPPER(\"44030619780512321x\")"),
                new XCell("C2", "深圳市鹏城精密制造有限公司"),
                new XCell("D2", "91440306MA5DPC0108"),
                new XCell("E2", "数控车工"),
                new XCell("F2", 13800138000d, Formula: "13800138000*1"))
            .Texts(3, "王秀英", "110101198003070028", "北京市京华机床厂", "91110000100000000X", "钳工", "13900139000")
            .Build();

        using var result = OpenOk(bytes);

        var rows = result.Rows.ToList();
        Assert.Null(rows[0].Cells["idNumber"]);
        Assert.Null(rows[0].Cells["mobile"]);
        Assert.Equal(
            [new CellProblem("idNumber", "单元格含有公式，请将其复制后“粘贴为数值”再导入"), new CellProblem("mobile", "单元格含有公式，请将其复制后“粘贴为数值”再导入")],
            rows[0].Problems);
        Assert.Equal("李建华", rows[0].Cells["name"]);
        Assert.Empty(rows[1].Problems);
        Assert.Equal("13900139000", rows[1].Cells["mobile"]);
    }

    [Fact]
    public void An_id_number_stored_as_a_number_is_a_precision_problem()
    {
        var bytes = new XlsxBuilder()
            .Texts(1, "姓名", "公民身份号码", "工作单位", "统一社会信用代码", "职业（工种）")
            .Row(
                2,
                new XCell("A2", "王秀英"),
                new XCell("B2", 110101198003070028d),
                new XCell("C2", "北京市京华机床厂"),
                new XCell("D2", "91110000100000000X"),
                new XCell("E2", "钳工"))
            .Build();

        using var result = OpenOk(bytes);

        var row = Assert.Single(result.Rows);
        Assert.Equal(new CellProblem("idNumber", "公民身份号码被存成了数字，已丢失精度，请将该列设为文本格式后重新填写"), Assert.Single(row.Problems));
        Assert.Equal("110101198003070000", row.Cells["idNumber"]);
    }

    [Fact]
    public void Dates_stored_as_serial_numbers_become_iso_dates_and_other_numbers_plain_invariant_text()
    {
        var bytes = new XlsxBuilder()
            .Texts(1, "姓名", "公民身份号码", "工作单位", "统一社会信用代码", "职业（工种）", "入职日期", "发证日期", "手机号码", "所在地区代码", "职业编码")
            .Row(
                2,
                new XCell("A2", "李建华"),
                new XCell("B2", "44030619780512321X", Style: XlsxBuilder.Text),
                new XCell("C2", "深圳市鹏城精密制造有限公司"),
                new XCell("D2", "91440306MA5DPC0108"),
                new XCell("E2", "数控车工"),
                new XCell("F2", 38534d, Style: XlsxBuilder.BuiltInDate),
                new XCell("G2", 43646d, Style: XlsxBuilder.CustomDate),
                new XCell("H2", 13800138000d),
                new XCell("I2", 440306d),
                new XCell("J2", 6.5d))
            .Row(
                3,
                new XCell("A3", "王秀英"),
                new XCell("B3", "110101198003070028"),
                new XCell("C3", "北京市京华机床厂"),
                new XCell("D3", "91110000100000000X"),
                new XCell("E3", "钳工"),
                new XCell("F3", 36342d),
                new XCell("G3", "2019年6月30日"))
            .Build();

        using var result = OpenOk(bytes);

        var rows = result.Rows.ToList();
        Assert.Equal("2005-07-01", rows[0].Cells["employmentStart"]);
        Assert.Equal("2019-06-30", rows[0].Cells["certificateDate"]);
        Assert.Equal("13800138000", rows[0].Cells["mobile"]);
        Assert.Equal("440306", rows[0].Cells["regionCode"]);
        Assert.Equal("6.5", rows[0].Cells["occupationCode"]);
        Assert.Equal("1999-07-01", rows[1].Cells["employmentStart"]);
        Assert.Equal("2019年6月30日", rows[1].Cells["certificateDate"]);
        Assert.All(rows, row => Assert.Empty(row.Problems));
    }

    [Fact]
    public void A_year_typed_as_a_number_is_plain_text()
    {
        var bytes = new XlsxBuilder()
            .Texts(1, "姓名", "公民身份号码", "荣誉称号", "授予年份")
            .Row(2, new XCell("A2", "李建华"), new XCell("B2", "44030619780512321X"), new XCell("C2", "全国技术能手"), new XCell("D2", 2019d))
            .Build();

        using var result = OpenOk(bytes, ImportKind.Honours);

        Assert.Equal("2019", Assert.Single(result.Rows).Cells["awardYear"]);
    }

    [Fact]
    public void The_sheet_the_workbook_lists_first_is_read()
    {
        var bytes = new XlsxBuilder()
            .Texts(1, "填写说明：请勿修改表头")
            .Sheet("名册")
            .Texts(1, "姓名", "公民身份号码", "工作单位", "统一社会信用代码", "职业（工种）")
            .Row(
                2,
                new XCell("A2", "李建华"),
                new XCell("B2", "44030619780512321X"),
                new XCell("C2", "深圳市鹏城精密制造有限公司"),
                new XCell("D2", "91440306MA5DPC0108"),
                new XCell("E2", "数控车工", Formula: "\"数控\"&\"车工\""))
            .ListFirst(1)
            .Build();

        using var result = OpenOk(bytes);

        var row = Assert.Single(result.Rows);
        Assert.Equal("李建华", row.Cells["name"]);
        Assert.Equal("occupation", Assert.Single(row.Problems).ColumnKey);
    }

    [Fact]
    public void A_damaged_workbook_is_rejected_in_chinese()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
            {
                writer.Write("<Types/>");
            }

            using (var writer = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open()))
            {
                writer.Write("<workbook><sheets><sheet name=\"a\"");
            }
        }

        using var result = Open(stream.ToArray(), fileName: "名册.xlsx");

        Assert.Equal("XLSX 文件已损坏或不是 Excel 生成的标准格式，请用 Excel 打开后重新另存为 .xlsx", result.Error);
    }

    [Fact]
    public void A_sheet_with_only_a_header_is_rejected()
    {
        var bytes = new XlsxBuilder()
            .Texts(1, "人员名册")
            .Texts(2, "姓名", "公民身份号码", "工作单位", "统一社会信用代码", "职业（工种）")
            .Texts(3, " ", null, "\u3000")
            .Build();

        using var result = Open(bytes);

        Assert.Equal("文件只有表头（第 2 行），没有数据行", result.Error);
    }
}
