namespace Gongjiang.Web.Platform.Api;

/// <summary>Pages of lists whose count may stop at a cap.</summary>
public static class Paging
{
    /// <summary>
    /// A page of a list counted up to a cap. When the count stopped (<paramref name="capped"/>), the page itself says
    /// more: a short page is the last one, so the total is exact; a full page means there is at least one more row. So
    /// a page beyond the cap never reads "第 60 / 50+ 页".
    /// </summary>
    public static Paged<T> Page<T>(IReadOnlyList<T> items, int total, bool capped, PageRequest page)
    {
        if (capped && items.Count > 0)
        {
            var seen = page.Skip + items.Count;
            if (items.Count < page.PageSize)
            {
                return new Paged<T>(items, seen, page.Page, page.PageSize);
            }

            total = Math.Max(total, seen + 1);
        }

        return new Paged<T>(items, total, page.Page, page.PageSize) { TotalIsLowerBound = capped };
    }
}
