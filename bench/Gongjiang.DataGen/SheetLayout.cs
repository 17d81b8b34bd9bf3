namespace Gongjiang.DataGen;

/// <summary>
/// How a file lays out its columns. Tidy: the template headers in canonical order. Messy (as clerks' files are): an alias
/// per column, sometimes decorated the way the import tolerates (“*姓名”, “姓 名”, “手机号：”), shuffled columns, an
/// extra unknown “备注” column, and two title rows above the header.
/// </summary>
internal sealed class SheetLayout
{
    /// <summary>Marks the extra 备注 column in <see cref="Order"/>.</summary>
    public const int NoteColumn = -1;

    private readonly Rng noteRng;

    private SheetLayout(int[] order, string[] headers, string[] titleRows, Rng noteRng)
    {
        Order = order;
        Headers = headers;
        TitleRows = titleRows;
        this.noteRng = noteRng;
    }

    /// <summary>Canonical column index per file column, <see cref="NoteColumn"/> for 备注.</summary>
    public int[] Order { get; }

    /// <summary>Header text per file column.</summary>
    public string[] Headers { get; }

    /// <summary>Rows above the header (none when tidy; title and 填报单位 line when messy).</summary>
    public string[] TitleRows { get; }

    public int ColumnCount => Order.Length;

    public static SheetLayout Create(RecordKind kind, bool messy, int seed, string? title)
    {
        var columns = SyntheticColumns.For(kind);
        var rng = new Rng(seed, 3);
        if (!messy)
        {
            return new SheetLayout(
                [.. Enumerable.Range(0, columns.Count)],
                [.. columns.Select(c => c.Header)],
                [],
                rng);
        }

        var order = Enumerable.Range(0, columns.Count).ToList();
        for (var i = order.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        // Name and ID usually stay up front, as in real lists; the rest is shuffled.
        MoveToFront(order, 1);
        MoveToFront(order, 0);
        order.Insert(rng.Next(2, order.Count + 1), NoteColumn);

        var headers = order.Select(index => index == NoteColumn ? SyntheticColumns.UnknownColumnHeader : Decorate(rng, columns[index])).ToArray();
        var titleRows = new[]
        {
            title ?? "高技能领军人才" + SyntheticColumns.ChineseName(kind),
            "填报单位（盖章）：                    填报人：            联系电话：            填报日期：    年  月  日",
        };
        return new SheetLayout([.. order], headers, titleRows, rng);
    }

    /// <summary>The cell of file column <paramref name="fileColumn"/> for <paramref name="record"/>.</summary>
    public string Cell(ISyntheticRecord record, int fileColumn)
    {
        var index = Order[fileColumn];
        return index == NoteColumn ? Note() : record.GetField(index);
    }

    private string Note() => noteRng.Chance(0.03) ? noteRng.Pick(ReferenceData.Notes) : string.Empty;

    private static void MoveToFront(List<int> order, int column)
    {
        order.Remove(column);
        order.Insert(0, column);
    }

    private static string Decorate(Rng rng, SyntheticColumn column)
    {
        var text = rng.Pick(column.Aliases);
        if (text.Length == 2 && rng.Chance(0.25))
        {
            text = text[..1] + "  " + text[1..];
        }

        if (column.Required && rng.Chance(0.3))
        {
            text = "*" + text;
        }

        return rng.Chance(0.1) ? text + "：" : text;
    }
}
