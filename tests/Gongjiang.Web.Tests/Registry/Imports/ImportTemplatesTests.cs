using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongjiang.Web.Features.Registry.Imports;
using Gongjiang.Web.Platform.Imports;
using static Gongjiang.Web.Tests.Registry.Imports.ImportFixtures;

namespace Gongjiang.Web.Tests.Registry.Imports;

/// <summary>The downloadable templates read back through the import reader as they were written.</summary>
public sealed class ImportTemplatesTests
{
    [Theory]
    [InlineData(ImportKind.Roster)]
    [InlineData(ImportKind.Honours)]
    public void The_csv_template_round_trips_through_the_reader(ImportKind kind)
    {
        var bytes = ImportTemplates.Csv(kind);

        using var result = OpenOk(bytes, kind);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        Assert.Equal("UTF-8", result.Encoding);
        Assert.Equal(1, result.HeaderRowNumber);
        Assert.Empty(result.IgnoredHeaders);
        AssertExampleRow(kind, Assert.Single(result.Rows), 2);
    }

    [Theory]
    [InlineData(ImportKind.Roster)]
    [InlineData(ImportKind.Honours)]
    public void The_xlsx_template_round_trips_through_the_reader(ImportKind kind)
    {
        using var result = OpenOk(ImportTemplates.Xlsx(kind), kind);

        Assert.Equal(ImportReadResult.XlsxFormat, result.Format);
        Assert.Equal(2, result.HeaderRowNumber);
        Assert.Equal(1, result.HeaderRowCount);
        Assert.Empty(result.IgnoredHeaders);
        Assert.Equal("*姓名", result.Columns["name"].Header);
        AssertExampleRow(kind, Assert.Single(result.Rows), 3);
    }

    [Fact]
    public void The_xlsx_template_has_a_merged_title_and_keeps_identifiers_as_text()
    {
        using var stream = new MemoryStream(ImportTemplates.Xlsx(ImportKind.Roster));
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbookPart = document.WorkbookPart!;
        var worksheet = workbookPart.WorksheetParts.Single().Worksheet;
        var formats = workbookPart.WorkbookStylesPart!.Stylesheet!.CellFormats!.Elements<CellFormat>().ToList();
        var columns = worksheet.GetFirstChild<Columns>()!.Elements<Column>().ToList();
        var cells = worksheet.Descendants<Cell>().ToList();

        Assert.Equal("人员名册", workbookPart.Workbook!.Descendants<Sheet>().Single().Name!.Value);
        Assert.Equal("高技能领军人才数据库——人员名册导入模板（带*为必填）", cells.Single(cell => cell.CellReference == "A1").InnerText);
        Assert.Equal("A1:Q1", worksheet.Descendants<MergeCell>().Single().Reference!.Value);
        foreach (var key in new[] { "idNumber", "creditCode" })
        {
            var index = ImportColumns.For(ImportKind.Roster).ToList().FindIndex(column => column.Key == key);
            var letter = XlsxBuilder.ColumnLetter(index);
            Assert.Equal(49u, formats[(int)columns[index].Style!.Value].NumberFormatId!.Value);
            Assert.Equal(49u, formats[(int)cells.Single(cell => cell.CellReference == letter + "3").StyleIndex!.Value].NumberFormatId!.Value);
        }

        Assert.All(columns, column => Assert.InRange(column.Width!.Value, 10, 40));
    }

    private static void AssertExampleRow(ImportKind kind, ImportRow row, int rowNumber)
    {
        Assert.Equal(rowNumber, row.RowNumber);
        Assert.Empty(row.Problems);
        foreach (var column in ImportColumns.For(kind))
        {
            Assert.Equal(column.Example.Length == 0 ? null : column.Example, row.Cells[column.Key]);
        }
    }
}
