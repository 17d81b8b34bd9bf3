using System.Text;
using Gongjiang.Web.Features.Registry.Imports;
using Gongjiang.Web.Platform.Imports;
using static Gongjiang.Web.Tests.Registry.Imports.ImportFixtures;

namespace Gongjiang.Web.Tests.Registry.Imports;

/// <summary>Reading CSV imports: encodings, delimiters, headers, and the Chinese messages for bad files.</summary>
public sealed class CsvImportReadingTests
{
    [Fact]
    public void Utf8_with_bom_is_read_with_trimmed_cells_and_the_row_numbers_of_the_file()
    {
        using var result = OpenOk(Utf8(Lines(RosterHeader, RosterRow1, " 王秀英 ,110101198003070028,北京市京华机床厂,91110000100000000X,\u3000钳工\u3000"), bom: true));

        var rows = result.Rows.ToList();

        Assert.Equal(ImportReadResult.CsvFormat, result.Format);
        Assert.Equal("UTF-8", result.Encoding);
        Assert.Equal(',', result.Delimiter);
        Assert.Equal(1, result.HeaderRowNumber);
        Assert.Equal([2, 3], rows.Select(row => row.RowNumber));
        Assert.Equal("李建华", rows[0].Cells["name"]);
        Assert.Equal("44030619780512321X", rows[0].Cells["idNumber"]);
        Assert.Equal("王秀英", rows[1].Cells["name"]);
        Assert.Equal("钳工", rows[1].Cells["occupation"]);
        Assert.All(rows, row => Assert.Empty(row.Problems));
    }

    [Fact]
    public void Utf8_without_bom_is_detected_as_utf8()
    {
        using var result = OpenOk(Utf8(Lines(RosterHeader, RosterRow1)));

        Assert.Equal("UTF-8", result.Encoding);
        Assert.Equal("深圳市鹏城精密制造有限公司", Assert.Single(result.Rows).Cells["enterpriseName"]);
    }

    [Fact]
    public void Gbk_bytes_are_detected_and_decoded_as_gb18030()
    {
        using var result = OpenOk(Gbk.GetBytes(Lines(RosterHeader, RosterRow1, RosterRow2)));

        var rows = result.Rows.ToList();

        Assert.Equal("GB18030", result.Encoding);
        Assert.Equal(["李建华", "王秀英"], rows.Select(row => row.Cells["name"]));
        Assert.Equal("北京市京华机床厂", rows[1].Cells["enterpriseName"]);
    }

    [Fact]
    public void Gb18030_four_byte_characters_outside_gbk_are_decoded()
    {
        var bytes = Gb18030.GetBytes(Lines(RosterHeader, "李𠀀,44030619780512321X,深圳市鹏城精密制造有限公司,91440306MA5DPC0108,数控车工"));

        using var result = OpenOk(bytes);

        Assert.Equal("GB18030", result.Encoding);
        Assert.Equal("李𠀀", Assert.Single(result.Rows).Cells["name"]);
    }

    [Fact]
    public void A_user_choosing_gbk_gets_gbk_even_for_bytes_that_are_also_valid_utf8()
    {
        using var result = OpenOk(Gbk.GetBytes(Lines(RosterHeader, RosterRow1)), options: new ImportReadOptions { Encoding = "gbk" });

        Assert.Equal("GBK", result.Encoding);
        Assert.Equal("李建华", Assert.Single(result.Rows).Cells["name"]);
    }

    [Fact]
    public void A_user_forcing_utf8_on_gbk_bytes_is_told_the_first_bad_byte_and_its_line()
    {
        var bytes = Encoding.UTF8.GetBytes("姓名,公民身份号码\r\n").Concat(Gbk.GetBytes("李建华,44030619780512321X\r\n")).ToArray();

        using var result = Open(bytes, options: new ImportReadOptions { Encoding = "utf-8" });

        Assert.False(result.Succeeded);
        Assert.StartsWith("文件不是有效的 UTF-8 编码：第 2 行（文件第 ", result.Error, StringComparison.Ordinal);
        Assert.Contains("0xC0", result.Error, StringComparison.Ordinal); // 李 is C0 EE in GBK
        Assert.Contains("请将文件编码选为“GBK”", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_wins_over_the_users_choice()
    {
        using var result = OpenOk(Utf8(Lines(RosterHeader, RosterRow1), bom: true), options: new ImportReadOptions { Encoding = "gbk" });

        Assert.Equal("UTF-8", result.Encoding);
        Assert.Equal("李建华", Assert.Single(result.Rows).Cells["name"]);
    }

    [Fact]
    public void Mixed_utf8_and_gbk_lines_are_rejected_naming_where_the_encoding_changes()
    {
        var bytes = Encoding.UTF8.GetBytes(Lines(RosterHeader, RosterRow1)).Concat(Gbk.GetBytes(Lines(RosterRow2))).ToArray();

        using var result = Open(bytes);

        Assert.Equal(
            "文件编码混杂（部分为 UTF-8，部分为 GBK），请统一另存为 UTF-8 后再导入。第 1 行是 UTF-8，第 3 行起出现 GBK",
            result.Error);
    }

    [Fact]
    public void Bytes_that_are_neither_utf8_nor_gb18030_are_rejected()
    {
        var bytes = Gbk.GetBytes(Lines(RosterHeader)).Concat(new byte[] { 0x41, 0xFF, 0x42, 0x0D, 0x0A }).ToArray();

        using var result = Open(bytes);

        Assert.Equal(
            "文件不是有效的 UTF-8 编码，也无法按 GB18030 解码（第 2 行有无法识别的字节 0xFF），请用 Excel 或记事本另存为“CSV UTF-8”后再导入",
            result.Error);
    }

    [Fact]
    public void An_unknown_encoding_choice_is_rejected()
    {
        using var result = Open(Utf8(Lines(RosterHeader, RosterRow1)), options: new ImportReadOptions { Encoding = "big5" });

        Assert.Equal("不支持的文件编码“big5”，可选：自动识别、UTF-8、GBK、GB18030", result.Error);
    }

    [Fact]
    public void Tab_delimited_text_is_detected_from_the_header_line()
    {
        using var result = OpenOk(Utf8(Lines(RosterHeader.Replace(',', '\t'), RosterRow1.Replace(',', '\t'))));

        Assert.Equal('\t', result.Delimiter);
        Assert.Equal("91440306MA5DPC0108", Assert.Single(result.Rows).Cells["creditCode"]);
    }

    [Fact]
    public void Semicolon_delimited_text_is_detected_from_the_header_line()
    {
        using var result = OpenOk(Utf8(Lines(RosterHeader.Replace(',', ';'), RosterRow1.Replace(',', ';'))));

        Assert.Equal(';', result.Delimiter);
        Assert.Equal("数控车工", Assert.Single(result.Rows).Cells["occupation"]);
    }

    [Fact]
    public void Excel_unicode_text_in_utf16_with_tabs_is_read()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Lines(RosterHeader.Replace(',', '\t'), RosterRow1.Replace(',', '\t')))).ToArray();

        using var result = OpenOk(bytes);

        Assert.Equal("UTF-16LE", result.Encoding);
        Assert.Equal("李建华", Assert.Single(result.Rows).Cells["name"]);
    }

    [Fact]
    public void Headers_in_any_order_with_aliases_marks_and_extra_columns_under_two_title_rows_are_matched()
    {
        var text = Lines(
            "2024年度高技能人才名册,,,,,,",
            "填报单位：深圳市人力资源和社会保障局,,,,,,",
            "序号,＊身份证号, 单位名称 ,职　业（工种）,备注,统一社会信用代码*,人员姓名,联系电话",
            "1,44030619780512321X,深圳市鹏城精密制造有限公司,数控车工,无,91440306MA5DPC0108,李建华,13800138000");

        using var result = OpenOk(Utf8(text, bom: true));

        var row = Assert.Single(result.Rows);
        Assert.Equal(3, result.HeaderRowNumber);
        Assert.Equal(1, result.HeaderRowCount);
        Assert.Equal(4, row.RowNumber);
        Assert.Equal(["序号", "备注"], result.IgnoredHeaders);
        Assert.Equal("＊身份证号", result.Columns["idNumber"].Header);
        Assert.Equal("B", result.Columns["idNumber"].ColumnLetter);
        Assert.Equal(6, result.Columns["name"].ColumnIndex);
        Assert.Equal("李建华", row.Cells["name"]);
        Assert.Equal("44030619780512321X", row.Cells["idNumber"]);
        Assert.Equal("深圳市鹏城精密制造有限公司", row.Cells["enterpriseName"]);
        Assert.Equal("数控车工", row.Cells["occupation"]);
        Assert.Equal("13800138000", row.Cells["mobile"]);
        Assert.Equal(
            ["creditCode", "enterpriseName", "idNumber", "mobile", "name", "occupation"],
            row.Cells.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_two_row_header_in_a_csv_has_its_group_label_above_an_empty_cell_of_the_row_below()
    {
        var text = Lines(
            "姓名,公民身份号码,工作单位,统一社会信用代码,职业（工种）,证书信息,",
            ",,,,,证书编号,发证日期",
            "李建华,44030619780512321X,深圳市鹏城精密制造有限公司,91440306MA5DPC0108,数控车工,S000044030000194000123,2019-06-30");

        using var result = OpenOk(Utf8(text));

        Assert.Equal(2, result.HeaderRowCount);
        Assert.Equal("2019-06-30", Assert.Single(result.Rows).Cells["certificateDate"]);
    }

    [Fact]
    public void A_header_with_a_remark_in_parentheses_still_matches()
    {
        using var result = OpenOk(Utf8(Lines("姓名,身份证号码（18位）,工作单位,统一社会信用代码,职业（工种）", RosterRow1)));

        Assert.Equal("身份证号码（18位）", result.Columns["idNumber"].Header);
    }

    [Fact]
    public void Quoted_fields_with_embedded_line_breaks_and_commas_stay_in_one_cell_and_count_as_one_row()
    {
        var text = Lines(
            RosterHeader + ",岗位",
            "李建华,44030619780512321X,\"深圳市鹏城精密制造有限公司,\r\n第二分厂\",91440306MA5DPC0108,数控车工,\"数控\"\"精密\"\"加工\"",
            RosterRow2 + ",装配");

        using var result = OpenOk(Utf8(text));

        var rows = result.Rows.ToList();
        Assert.Equal([2, 3], rows.Select(row => row.RowNumber));
        Assert.Equal("深圳市鹏城精密制造有限公司,\r\n第二分厂", rows[0].Cells["enterpriseName"]);
        Assert.Equal("数控\"精密\"加工", rows[0].Cells["post"]);
        Assert.Equal("装配", rows[1].Cells["post"]);
    }

    [Fact]
    public void Empty_rows_are_skipped_but_still_counted_in_row_numbers()
    {
        using var result = OpenOk(Utf8(Lines(RosterHeader, "", ",,,,", RosterRow1, "", RosterRow2, ",,,")));

        Assert.Equal([4, 6], result.Rows.Select(row => row.RowNumber));
    }

    [Fact]
    public void Form_rows_with_nothing_but_a_prefilled_serial_number_are_empty_rows()
    {
        using var result = OpenOk(Utf8(Lines("序号," + RosterHeader, "1," + RosterRow1, "2,,,,,", "3,,,,,", "4," + RosterRow2, "5,,,,,")));

        Assert.Equal([2, 5], result.Rows.Select(row => row.RowNumber));
    }

    [Fact]
    public void A_filler_line_naming_a_column_or_two_above_the_header_is_not_taken_for_it()
    {
        using var result = OpenOk(Utf8(Lines("人员名册,,,,", "单位：（盖章）,联系电话：,,,", RosterHeader, RosterRow1)));

        Assert.Equal(3, result.HeaderRowNumber);
        Assert.Equal(4, Assert.Single(result.Rows).RowNumber);
    }

    [Fact]
    public void Empty_cells_are_null_and_optional_columns_absent_from_the_file_are_not_in_the_cells()
    {
        using var result = OpenOk(Utf8(Lines(RosterHeader + ",手机号码", "李建华,44030619780512321X,,91440306MA5DPC0108,数控车工")));

        var row = Assert.Single(result.Rows);
        Assert.Null(row.Cells["enterpriseName"]);
        Assert.Null(row.Cells["mobile"]);
        Assert.False(row.Cells.ContainsKey("skillLevel"));
        Assert.Null(row["skillLevel"]);
    }

    [Fact]
    public void A_missing_required_column_is_named_with_its_accepted_aliases()
    {
        using var result = Open(Utf8(Lines("姓名,工作单位,职业（工种）,联系电话", "李建华,深圳市鹏城精密制造有限公司,数控车工,13800138000")));

        Assert.False(result.Succeeded);
        Assert.StartsWith(
            "缺少必填列：公民身份号码（可用列名：身份证号、身份证号码、身份证、证件号码、身份证件号码）、统一社会信用代码（可用列名：信用代码、社会信用代码、单位统一社会信用代码）。已将第 1 行识别为表头",
            result.Error,
            StringComparison.Ordinal);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void An_honours_list_uploaded_as_a_roster_gets_a_hint()
    {
        using var result = Open(Utf8(Lines("姓名,公民身份号码,荣誉称号,授予年份", "李建华,44030619780512321X,全国技术能手,2019")));

        Assert.Contains("缺少必填列：工作单位", result.Error, StringComparison.Ordinal);
        Assert.EndsWith("该文件看起来是荣誉名单，请在“荣誉名单”导入中上传。", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_honours_list_is_read_as_honours()
    {
        using var result = OpenOk(Utf8(Lines("姓名,身份证号,荣誉名称,年度,表彰单位", "李建华,44030619780512321X,全国技术能手,2019,人力资源社会保障部")), ImportKind.Honours);

        var row = Assert.Single(result.Rows);
        Assert.Equal("全国技术能手", row.Cells["honorTitle"]);
        Assert.Equal("2019", row.Cells["awardYear"]);
        Assert.Equal("人力资源社会保障部", row.Cells["awardingBody"]);
    }

    [Fact]
    public void A_file_without_any_known_header_is_rejected_listing_the_required_columns()
    {
        using var result = Open(Utf8(Lines("a,b,c", "1,2,3")));

        Assert.Equal("未找到表头：前 20 行中没有可识别的列名。人员名册的必填列为：姓名、公民身份号码、工作单位、统一社会信用代码、职业（工种）", result.Error);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF })]
    [InlineData(new byte[] { 0x0D, 0x0A, 0x20, 0x0D, 0x0A })]
    [InlineData(new byte[] { 0x2C, 0x2C, 0x0D, 0x0A, 0x2C, 0x2C })]
    public void An_empty_file_is_rejected(byte[] bytes)
    {
        using var result = Open(bytes);

        Assert.Equal("文件为空", result.Error);
    }

    [Fact]
    public void A_file_with_only_the_header_is_rejected()
    {
        using var result = Open(Utf8(Lines("人员名册", RosterHeader, ",,,,", ""), bom: true));

        Assert.Equal("文件只有表头（第 2 行），没有数据行", result.Error);
    }

    [Fact]
    public void A_second_column_for_the_same_field_is_ignored_with_a_warning()
    {
        using var result = OpenOk(Utf8(Lines(RosterHeader + ",身份证号", RosterRow1 + ",110101198003070028")));

        var duplicate = Assert.Single(result.DuplicateHeaders);
        Assert.Equal("idNumber", duplicate.Key);
        Assert.Equal(5, duplicate.ColumnIndex);
        Assert.Equal("第 F 列“身份证号”与第 B 列“公民身份号码”都对应“公民身份号码”，已按第 B 列读取，第 F 列被忽略", duplicate.Message);
        Assert.Equal("44030619780512321X", Assert.Single(result.Rows).Cells["idNumber"]);
    }

    [Fact]
    public void A_formula_typed_into_a_csv_is_a_cell_problem_but_the_text_trick_is_accepted()
    {
        using var result = OpenOk(Utf8(Lines(RosterHeader + ",手机号码", "李建华,=\"44030619780512321X\",深圳市鹏城精密制造有限公司,91440306MA5DPC0108,数控车工,=A1+1")));

        var row = Assert.Single(result.Rows);
        Assert.Equal("44030619780512321X", row.Cells["idNumber"]);
        Assert.Null(row.Cells["mobile"]);
        var problem = Assert.Single(row.Problems);
        Assert.Equal(new CellProblem("mobile", "单元格含有公式，请将其复制后“粘贴为数值”再导入"), problem);
    }

    [Fact]
    public void An_id_number_in_scientific_notation_is_a_cell_problem()
    {
        using var result = OpenOk(Utf8(Lines(RosterHeader, "李建华,4.40306E+17,深圳市鹏城精密制造有限公司,91440306MA5DPC0108,数控车工")));

        var problem = Assert.Single(Assert.Single(result.Rows).Problems);
        Assert.Equal("idNumber", problem.ColumnKey);
        Assert.Equal("公民身份号码显示为科学计数法（4.40306E+17），已丢失精度，请将该列设为文本格式后重新填写", problem.Message);
    }

    [Fact]
    public void Reading_stops_with_a_file_error_row_after_the_row_limit()
    {
        using var result = OpenOk(Utf8(Lines(RosterHeader, RosterRow1, RosterRow2, RosterRow1, RosterRow2)), options: new ImportReadOptions { MaxRows = 2 });

        var rows = result.Rows.ToList();

        Assert.Equal(3, rows.Count);
        Assert.All(rows.Take(2), row => Assert.Null(row.FileError));
        Assert.Equal(4, rows[2].RowNumber);
        Assert.Equal("数据行数超过上限 2 行，已在第 4 行停止读取，请拆分为多个文件分批导入", rows[2].FileError);
        Assert.Empty(rows[2].Cells);
    }

    [Fact]
    public void A_runaway_quote_near_the_top_makes_the_file_unreadable()
    {
        var text = Lines(RosterHeader, RosterRow1, "王秀英,\"110101198003070028" + new string('x', CsvSource.MaxRecordChars + 10));

        using var result = Open(Utf8(text));

        Assert.Equal("从第 3 行起的内容无法读取（可能有未闭合的引号，或一行内容超过约 400 万个字符），请检查该行后重新导入", result.Error);
    }

    [Fact]
    public void A_runaway_quote_further_down_ends_the_rows_with_a_file_error_row()
    {
        var lines = new List<string> { RosterHeader };
        lines.AddRange(Enumerable.Repeat(RosterRow1, 30));
        lines.Add("王秀英,\"110101198003070028" + new string('x', CsvSource.MaxRecordChars + 10));

        using var result = OpenOk(Utf8(Lines([.. lines])));

        var rows = result.Rows.ToList();
        Assert.Equal(31, rows.Count);
        Assert.All(rows.Take(30), row => Assert.Equal("李建华", row.Cells["name"]));
        Assert.Equal(32, rows[^1].RowNumber);
        Assert.Equal("从第 32 行起的内容无法读取（可能有未闭合的引号，或一行内容超过约 400 万个字符），请检查该行后重新导入", rows[^1].FileError);
    }

    [Fact]
    public void Rows_can_be_enumerated_only_once()
    {
        using var result = OpenOk(Utf8(Lines(RosterHeader, RosterRow1)));

        Assert.Single(result.Rows);
        Assert.Throws<InvalidOperationException>(() => result.Rows.ToList());
    }

    [Fact]
    public void A_non_seekable_upload_is_read()
    {
        using var stream = new NonSeekableStream(Utf8(Lines(RosterHeader, RosterRow1, RosterRow2)));

        using var result = ImportFileReader.Open(stream, "名册.csv", ImportKind.Roster, new ImportReadOptions());

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(2, result.Rows.Count());
    }

    [Fact]
    public async Task The_async_open_reads_the_same()
    {
        using var stream = new NonSeekableStream(Utf8(Lines(RosterHeader, RosterRow1)));

        using var result = await ImportFileReader.OpenAsync(stream, "名册.csv", ImportKind.Roster, new ImportReadOptions(), CancellationToken.None);

        Assert.Equal("李建华", Assert.Single(result.Rows).Cells["name"]);
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
