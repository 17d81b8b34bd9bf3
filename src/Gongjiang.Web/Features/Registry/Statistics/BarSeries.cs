namespace Gongjiang.Web.Features.Registry.Statistics;

/// <summary>
/// One series of a <see cref="BarChart"/>: its name (for the legend), its colour (an SVG paint such as "#0b57a4") and
/// one value per category, in the order of the chart's labels.
/// </summary>
public sealed record BarSeries(string Name, string Fill, IReadOnlyList<double> Values);
