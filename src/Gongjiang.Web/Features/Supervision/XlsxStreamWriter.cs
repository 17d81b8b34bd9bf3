using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using Gongjiang.Web.Platform.Api;

namespace Gongjiang.Web.Features.Supervision;

/// <summary>
/// Writes an XLSX workbook row by row straight into a zip in create mode: one worksheet part open at a time, inline
/// strings (no shared-string table to hold), so memory stays flat whatever the number of rows. Text is defused against
/// formula injection (<see cref="SpreadsheetText.Defuse"/>). Sheets are written in order; call <see cref="StartSheet"/>,
/// then <see cref="Row"/> for each row, then the next sheet; <see cref="Dispose"/> writes the workbook parts.
/// </summary>
public sealed class XlsxStreamWriter : IDisposable
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationshipNs = "http://schemas.openxmlformats.org/package/2006/relationships";

    private readonly ZipArchive _zip;
    private readonly List<string> _sheets = [];
    private Stream? _entry;
    private XmlWriter? _xml;
    private int _row;

    public XlsxStreamWriter(Stream output) => _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);

    /// <summary>Starts a new worksheet with a bold header row.</summary>
    public void StartSheet(string name, params string[] header)
    {
        EndSheet();
        _sheets.Add(name);
        _entry = _zip.CreateEntry($"xl/worksheets/sheet{_sheets.Count}.xml", CompressionLevel.Fastest).Open();
        _xml = XmlWriter.Create(_entry, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        _xml.WriteStartDocument(true);
        _xml.WriteStartElement("worksheet", Main);
        _xml.WriteStartElement("sheetData", Main);
        _row = 0;
        Row(header, bold: true);
    }

    /// <summary>Writes one row: strings as text, numbers (int, long, decimal, double) as numbers, null as an empty cell.</summary>
    public void Row(IReadOnlyList<object?> cells, bool bold = false)
    {
        var xml = _xml ?? throw new InvalidOperationException("StartSheet first.");
        _row++;
        xml.WriteStartElement("row", Main);
        xml.WriteAttributeString("r", _row.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < cells.Count; i++)
        {
            var value = cells[i];
            if (value is null)
            {
                continue;
            }

            xml.WriteStartElement("c", Main);
            xml.WriteAttributeString("r", Column(i) + _row.ToString(CultureInfo.InvariantCulture));
            if (bold)
            {
                xml.WriteAttributeString("s", "1");
            }

            switch (value)
            {
                case int or long or decimal or double:
                    xml.WriteElementString("v", Main, Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
                default:
                    xml.WriteAttributeString("t", "inlineStr");
                    xml.WriteStartElement("is", Main);
                    xml.WriteStartElement("t", Main);
                    xml.WriteAttributeString("xml", "space", null, "preserve");
                    xml.WriteString(Clean(SpreadsheetText.Defuse(Convert.ToString(value, CultureInfo.InvariantCulture))));
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                    break;
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    public void Dispose()
    {
        EndSheet();
        Part("[Content_Types].xml", w =>
        {
            const string Ns = "http://schemas.openxmlformats.org/package/2006/content-types";
            w.WriteStartElement("Types", Ns);
            Default(w, Ns, "rels", "application/vnd.openxmlformats-package.relationships+xml");
            Default(w, Ns, "xml", "application/xml");
            Override(w, Ns, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
            Override(w, Ns, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
            for (var i = 1; i <= _sheets.Count; i++)
            {
                Override(w, Ns, $"/xl/worksheets/sheet{i}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
            }

            w.WriteEndElement();
        });
        Part("_rels/.rels", w =>
        {
            w.WriteStartElement("Relationships", PackageRelationshipNs);
            Relationship(w, "rId1", RelationshipNs + "/officeDocument", "xl/workbook.xml");
            w.WriteEndElement();
        });
        Part("xl/workbook.xml", w =>
        {
            w.WriteStartElement("workbook", Main);
            w.WriteAttributeString("xmlns", "r", null, RelationshipNs);
            w.WriteStartElement("sheets", Main);
            for (var i = 0; i < _sheets.Count; i++)
            {
                w.WriteStartElement("sheet", Main);
                w.WriteAttributeString("name", _sheets[i]);
                w.WriteAttributeString("sheetId", (i + 1).ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("id", RelationshipNs, "rId" + (i + 1).ToString(CultureInfo.InvariantCulture));
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
        });
        Part("xl/_rels/workbook.xml.rels", w =>
        {
            w.WriteStartElement("Relationships", PackageRelationshipNs);
            for (var i = 1; i <= _sheets.Count; i++)
            {
                Relationship(w, "rId" + i.ToString(CultureInfo.InvariantCulture), RelationshipNs + "/worksheet", $"worksheets/sheet{i}.xml");
            }

            Relationship(w, "rId" + (_sheets.Count + 1).ToString(CultureInfo.InvariantCulture), RelationshipNs + "/styles", "styles.xml");
            w.WriteEndElement();
        });
        RawPart("xl/styles.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><styleSheet xmlns=\"" + Main + "\"><fonts count=\"2\"><font><sz val=\"11\"/><name val=\"宋体\"/></font><font><b/><sz val=\"11\"/><name val=\"宋体\"/></font></fonts>" +
            "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>" +
            "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>" +
            "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>" +
            "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/><xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs></styleSheet>");
        _zip.Dispose();
    }

    private void EndSheet()
    {
        if (_xml is null)
        {
            return;
        }

        _xml.WriteEndElement();
        _xml.WriteEndElement();
        _xml.WriteEndDocument();
        _xml.Dispose();
        _entry!.Dispose();
        _xml = null;
        _entry = null;
    }

    private void Part(string name, Action<XmlWriter> write)
    {
        using var stream = _zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument(true);
        write(xml);
        xml.WriteEndDocument();
    }

    private void RawPart(string name, string xml)
    {
        using var stream = _zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        var bytes = new UTF8Encoding(false).GetBytes(xml);
        stream.Write(bytes);
    }

    private static void Default(XmlWriter w, string ns, string extension, string type)
    {
        w.WriteStartElement("Default", ns);
        w.WriteAttributeString("Extension", extension);
        w.WriteAttributeString("ContentType", type);
        w.WriteEndElement();
    }

    private static void Override(XmlWriter w, string ns, string part, string type)
    {
        w.WriteStartElement("Override", ns);
        w.WriteAttributeString("PartName", part);
        w.WriteAttributeString("ContentType", type);
        w.WriteEndElement();
    }

    private static void Relationship(XmlWriter w, string id, string type, string target)
    {
        w.WriteStartElement("Relationship", PackageRelationshipNs);
        w.WriteAttributeString("Id", id);
        w.WriteAttributeString("Type", type);
        w.WriteAttributeString("Target", target);
        w.WriteEndElement();
    }

    /// <summary>Excel column letters: 0 → A, 26 → AA.</summary>
    private static string Column(int index)
    {
        var name = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
        {
            name = (char)('A' + ((i - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>Drops characters XML 1.0 cannot carry (control characters other than tab, CR, LF).</summary>
    private static string Clean(string text) =>
        text.Any(c => c < 0x20 && c is not ('\t' or '\n' or '\r')) ? new string([.. text.Where(c => c >= 0x20 || c is '\t' or '\n' or '\r')]) : text;
}
