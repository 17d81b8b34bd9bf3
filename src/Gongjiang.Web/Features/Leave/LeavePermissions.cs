namespace Gongjiang.Web.Features.Leave;

/// <summary>
/// The leave module's permissions (each an authorization policy of the same name). Who holds them by default is in
/// <see cref="LeaveModule.Permissions"/>; which records is the scope's (jurisdiction, enterprise, person).
/// </summary>
public static class LeavePermissions
{
    /// <summary>A worker's own leave: the calculator pre-filled from their record, their records, 休疗养 applications.</summary>
    public const string Own = "leave.own";

    /// <summary>Record leave arranged and taken per employee per year (form, import, API) — the employer.</summary>
    public const string RecordsEdit = "leave.records.edit";

    /// <summary>Read an enterprise's records and its year-end view — the employer (its own), clerks and supervisors (their jurisdiction).</summary>
    public const string RecordsRead = "leave.records.read";

    /// <summary>Open one record with its rules and articles — whoever's scope covers it (the worker their own).</summary>
    public const string RecordView = "leave.records.view";

    /// <summary>
    /// The labour-inspection list (劳动保障监察) of the jurisdiction and its export: 窗口经办人 and 督查人员, who both act
    /// for the department inside their jurisdiction (policy 六(四): 加强劳动执法监察).
    /// </summary>
    public const string Inspection = "leave.inspection";

    /// <summary>Organise 休疗养 programmes: create, select, publish, record attendance — 窗口经办人 of the organiser's jurisdiction.</summary>
    public const string RecuperationManage = "leave.recuperation.manage";

    /// <summary>Nominate staff for 休疗养 and recommend or decline their applications — the employer.</summary>
    public const string RecuperationNominate = "leave.recuperation.nominate";

    /// <summary>See 休疗养 programmes (everyone signed in with a role in them).</summary>
    public const string RecuperationRead = "leave.recuperation.read";
}
