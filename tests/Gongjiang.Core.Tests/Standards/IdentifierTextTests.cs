using Gongjiang.Core.Standards;

namespace Gongjiang.Core.Tests.Standards;

public sealed class IdentifierTextTests
{
    [Theory]
    [InlineData(null, "")] // null is treated as empty
    [InlineData("", "")] // empty stays empty
    [InlineData("  \t\r\n ", "")] // whitespace only
    [InlineData("11010519491231002X", "11010519491231002X")] // already canonical: returned unchanged
    [InlineData("  11010519491231002X  ", "11010519491231002X")] // leading/trailing spaces trimmed
    [InlineData("110105 1949\t1231\n002X", "11010519491231002X")] // ASCII whitespace inside removed
    [InlineData("110105\u30001949\u00A01231\u2003002X", "11010519491231002X")] // U+3000 ideographic space, NBSP, em space removed
    [InlineData("\uFEFF110105\u200B19491231\u200C\u200D\u2060002X", "11010519491231002X")] // BOM and zero-width characters from copy-paste removed
    [InlineData("１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X")] // full-width digits and letter (U+FF10–U+FF19, U+FF38)
    [InlineData("ｘ", "X")] // full-width lower-case x becomes half-width upper-case X
    [InlineData("11010519491231002x", "11010519491231002X")] // ASCII lower case upper-cased
    [InlineData("91350100m000100y43", "91350100M000100Y43")] // every ASCII letter upper-cased
    [InlineData("138-1234-5678", "138-1234-5678")] // hyphens are kept: callers decide
    [InlineData("１３８－１２３４－５６７８", "138-1234-5678")] // full-width hyphen-minus U+FF0D becomes '-'
    [InlineData("＋８６", "+86")] // full-width plus sign U+FF0B
    [InlineData("！～", "!~")] // both ends of the full-width block U+FF01–U+FF5E
    [InlineData("张三ä", "张三ä")] // non-ASCII letters untouched (no culture-sensitive casing)
    public void Normalize_produces_the_canonical_form(string? input, string expected) =>
        Assert.Equal(expected, IdentifierText.Normalize(input));

    [Theory]
    [InlineData(" １１０１０５　１９４９ｘ ")] // mixed full-width, ideographic space, lower case
    [InlineData("a-b\u00A0c")] // hyphen kept, NBSP removed
    public void Normalize_is_idempotent(string input)
    {
        var once = IdentifierText.Normalize(input);
        Assert.Equal(once, IdentifierText.Normalize(once));
    }

    [Fact]
    public void Normalize_returns_the_same_instance_when_nothing_changes()
    {
        const string canonical = "91350100M000100Y43";
        Assert.Same(canonical, IdentifierText.Normalize(canonical));
    }
}
