namespace Gongjiang.Web.Features.Supervision;

/// <summary>
/// The module's styles, served from <c>/supervision/supervision.css</c> (same origin, so the content security policy —
/// no inline styles — allows it): matrix cell colours, each paired with the status as text.
/// </summary>
internal static class SupervisionStyles
{
    public const string Css = """
        .matrix { border-collapse: collapse; font-size: 0.85rem; }
        .matrix th, .matrix td { border: 1px solid #d0d7de; padding: 0.25rem 0.35rem; text-align: center; white-space: nowrap; }
        .matrix th[scope="row"] { text-align: left; }
        .matrix a { color: inherit; text-decoration: none; display: block; }
        .matrix a:hover, .matrix a:focus-visible { text-decoration: underline; }
        .cell-NotReported { background: #f6f8fa; color: #57606a; }
        .cell-NotStarted { background: #ffebe9; color: #82071e; }
        .cell-InProgress { background: #fff8c5; color: #633c01; }
        .cell-Completed { background: #dafbe1; color: #116329; }
        .cell-overdue { outline: 2px solid #cf222e; outline-offset: -2px; }
        .legend-list { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.75rem; }
        .legend-list li { padding: 0.15rem 0.5rem; border-radius: 3px; }
        .reminders li { margin-bottom: 0.25rem; }
        .measure-lines td { vertical-align: top; }
        .measure-lines textarea { width: 100%; min-width: 18rem; }
        .trend svg { max-width: 100%; height: auto; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
        .measure-checks { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; border: 1px solid #d0d7de; padding: 0.5rem; }
        .measure-checks label { font-weight: normal; }
        """;
}
