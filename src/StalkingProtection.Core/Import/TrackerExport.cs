using System.Data;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using Sylvan.Data.Csv;

namespace StalkingProtection.Core.Import;

public enum TrackerFormat
{
    Csv,
    Xlsx,
}

/// <summary>The whole register of orders in the tracker's columns (docs/import-tracker.md), so an export imports again.</summary>
public sealed class TrackerExport(StalkingProtectionDbContext db, AuditLog audit)
{
    /// <summary>Writes every order and audits it as a disclosure (DPA 2018 s.62).</summary>
    public async Task<int> WriteAsync(Stream target, TrackerFormat format, Actor by, CancellationToken ct = default)
    {
        var ids = await db.Orders.AsNoTracking().OrderBy(o => o.MadeOn).ThenBy(o => o.Id).Select(o => o.Id).ToListAsync(ct);
        var rows = await RowsAsync(db, ids, ct);
        audit.Add(by, AuditEvents.Register.Exported.For(null,
            newValues: new { Format = format.ToString(), Orders = rows.Count }));
        await db.SaveChangesAsync(ct);

        var table = new DataTable("Register");
        foreach (var (_, header, _) in TrackerColumns.All)
        {
            table.Columns.Add(header, typeof(string));
        }

        foreach (var row in rows)
        {
            table.Rows.Add(Enum.GetValues<TrackerColumn>().Select(c => (object)Guard(row[c])).ToArray());
        }

        if (format == TrackerFormat.Xlsx)
        {
            await MiniExcel.SaveAsAsync(target, table, true, "Register", ExcelType.XLSX, null, ct);
        }
        else
        {
            await using var writer = new StreamWriter(target, new UTF8Encoding(true), leaveOpen: true);
            using var csv = CsvDataWriter.Create(writer);
            await csv.WriteAsync(table.CreateDataReader(), ct);
        }

        return rows.Count;
    }

    /// <summary>
    /// A cell that a spreadsheet would run as a formula is written with a leading apostrophe, which spreadsheets hide and the
    /// import removes.
    /// </summary>
    public static string Guard(string value) => value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;

    public static string Unguard(string value) => value.Length > 1 && value[0] == '\'' && "=+-@".Contains(value[1], StringComparison.Ordinal) ? value[1..] : value;

    /// <summary>The tracker row of each order, in the order given.</summary>
    public static async Task<IReadOnlyList<IReadOnlyDictionary<TrackerColumn, string>>> RowsAsync(StalkingProtectionDbContext db, IReadOnlyList<Guid> orderIds,
        CancellationToken ct)
    {
        var result = new List<IReadOnlyDictionary<TrackerColumn, string>>();
        foreach (var chunk in orderIds.Chunk(500))
        {
            var orders = await db.Orders.AsNoTracking().Include(o => o.ConditionSets).ThenInclude(s => s.Conditions)
                .Where(o => chunk.Contains(o.Id)).AsSplitQuery().ToDictionaryAsync(o => o.Id, ct);
            var respondentIds = orders.Values.Select(o => o.RespondentId).Distinct().ToList();
            var respondents = await db.Respondents.AsNoTracking().Include(r => r.Person).ThenInclude(p => p.Names)
                .Where(r => respondentIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
            var caseIds = orders.Values.Select(o => o.CaseId).Distinct().ToList();
            var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
            var victims = (await db.Victims.AsNoTracking().Include(v => v.Person).ThenInclude(p => p.Names).Where(v => caseIds.Contains(v.CaseId)).ToListAsync(ct))
                .Where(v => v.IsProtectedPerson).ToLookup(v => v.CaseId);
            var applicationIds = orders.Values.Where(o => o.ApplicationId is not null).Select(o => o.ApplicationId!.Value).ToList();
            var applications = await db.Applications.AsNoTracking().Where(a => applicationIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
            var mainIds = applications.Values.Select(a => a.MainApplicationId ?? a.Id).ToList();
            var hearings = (await db.Hearings.AsNoTracking().Where(h => mainIds.Contains(h.ApplicationId) || applicationIds.Contains(h.ApplicationId)).ToListAsync(ct))
                .ToLookup(h => h.ApplicationId);
            var keys = await db.TrackerImportedRows.AsNoTracking().Where(r => chunk.Contains(r.OrderId)).ToDictionaryAsync(r => r.OrderId, r => r.RowKey, ct);
            var breaches = (await db.Breaches.AsNoTracking().Where(b => chunk.Contains(b.OrderId)).ToListAsync(ct)).ToLookup(b => b.OrderId);
            var changes = (await db.OrderChanges.AsNoTracking().Where(c => chunk.Contains(c.OrderId) && c.Type == OrderChangeType.Variation).ToListAsync(ct))
                .ToLookup(c => c.OrderId);
            var notified = (await db.NotificationObligations.AsNoTracking().Where(n => n.OrderId != null && chunk.Contains(n.OrderId.Value) && n.MetOn != null)
                .Select(n => new { OrderId = n.OrderId!.Value, MetOn = n.MetOn!.Value }).ToListAsync(ct)).ToLookup(n => n.OrderId, n => n.MetOn);
            var officerIds = cases.Values.Select(c => Guid.TryParse(c.OfficerInCharge, out var id) ? id : (Guid?)null).Where(id => id is not null).ToList();
            var officers = await db.Users.AsNoTracking().Where(u => officerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id.ToString(), u => u.DisplayName, ct);

            foreach (var id in chunk)
            {
                var order = orders[id];
                var person = respondents[order.RespondentId].Person;
                var stalkingCase = cases[order.CaseId];
                var application = order.ApplicationId is { } appId ? applications.GetValueOrDefault(appId) : null;
                var hearing = application is null ? null : hearings[application.Id].Concat(hearings[application.MainApplicationId ?? application.Id])
                    .Where(h => h.ListedFor <= Time.LondonTime.EndOfDayUtc(order.MadeOn)).OrderByDescending(h => h.ListedFor).FirstOrDefault();
                string Date(DateOnly? d) => d is { } day ? TrackerFile.FormatDate(day) : "";
                result.Add(new Dictionary<TrackerColumn, string>
                {
                    [TrackerColumn.OrderReference] = keys.GetValueOrDefault(id) ?? id.ToString(),
                    [TrackerColumn.RespondentFamilyName] = person.PrimaryName.FamilyName,
                    [TrackerColumn.RespondentGivenNames] = person.PrimaryName.GivenNames,
                    [TrackerColumn.RespondentDateOfBirth] = Date(person.DateOfBirth),
                    [TrackerColumn.PncId] = person.PncId ?? "",
                    [TrackerColumn.ProtectedPersons] = string.Join("; ", victims[order.CaseId].Select(v => v.Person.PrimaryName.FullName).Order(StringComparer.Ordinal)),
                    [TrackerColumn.ApplicantForce] = order.ApplicantForce is { } force ? Words(force.ToString()) : "",
                    [TrackerColumn.ApplicationDate] = Date(application?.LodgedOn),
                    [TrackerColumn.HearingDate] = hearing is null ? "" : Date(Time.LondonTime.DateOf(hearing.ListedFor)),
                    [TrackerColumn.Court] = order.CourtName,
                    [TrackerColumn.InterimOrFull] = order.Kind.ToString(),
                    [TrackerColumn.MadeOn] = Date(order.MadeOn),
                    [TrackerColumn.ServedOn] = Date(order.ServedOn),
                    [TrackerColumn.LastDay] = order.DurationType == DurationType.UntilFurtherOrder ? TrackerColumns.UntilFurtherOrder : Date(order.LastInForceDay),
                    [TrackerColumn.Conditions] = string.Join("\n", order.CurrentConditionSet.Conditions.OrderBy(c => c.Sequence).Select(c => c.Wording)),
                    [TrackerColumn.NotificationDates] = string.Join("; ", notified[id].Order().Select(d => Date(d))),
                    [TrackerColumn.Breaches] = string.Join("\n", breaches[id].OrderBy(b => b.IncidentAt).Select(b => $"{Date(b.IncidentOn)} {b.Description}")),
                    [TrackerColumn.Variations] = string.Join("\n", changes[id].OrderBy(c => c.EffectiveOn).Select(c => $"{Date(c.EffectiveOn)} conditions varied")),
                    [TrackerColumn.DischargedOn] = order.Ending == OrderEnding.Discharged ? Date(order.EndedOn) : "",
                    [TrackerColumn.OfficerInCharge] = officers.GetValueOrDefault(stalkingCase.OfficerInCharge) ?? stalkingCase.OfficerInCharge,
                });
            }
        }

        return result;
    }

    /// <summary>"WestMidlands" as "West Midlands"; the import reads either.</summary>
    private static string Words(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + c : c.ToString()));
}
