using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Documents;

public sealed partial class DocumentService
{
    /// <summary>
    /// The pack for the magistrates' court: the application by complaint stating each of the three limbs with the acts and evidence
    /// relied on (SPA 2019 ss.1-2, R3), the draft order with its numbered prohibitions and requirements, each with its duration and named
    /// area, and the evidence summary. Null when there is no application for a full or interim order with that id: a variation, renewal
    /// or discharge (s.4) asks for a change to an order already made, which the three limbs and a draft order do not describe.
    /// </summary>
    public async Task<GeneratedDocument?> ApplicationPackAsync(Guid applicationId, string purpose, Actor actor, CancellationToken ct = default)
    {
        var application = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId, ct);
        if (application is not { IsForOrder: true })
        {
            return null;
        }

        var person = await RespondentAsync(application.RespondentId, ct);
        var stalkingCase = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == application.CaseId, ct);
        var referenceIds = application.Evidence.Where(e => e.ReferenceId is not null).Select(e => e.ReferenceId!.Value).ToList();
        var acts = await db.StalkingActs.AsNoTracking().Where(a => referenceIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var risks = await db.RiskAssessments.AsNoTracking().Where(r => referenceIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        string evidence(ApplicationEvidence e)
        {
            var detail = e.ReferenceId is { } id && acts.TryGetValue(id, out var act)
                ? $"Act on {Date(LondonTime.DateOf(act.OccurredFrom))}: {act.Description.Trim()}"
                : e.ReferenceId is { } riskId && risks.TryGetValue(riskId, out var risk)
                    ? $"{RiskTools.Name(risk.Tool)} risk assessment completed on {Date(LondonTime.DateOf(risk.CompletedAt))} by {risk.Assessor}: "
                        + $"{RiskTools.LevelText(risk.Level)} risk"
                    : EvidenceKindText(e.Kind);
            return string.IsNullOrWhiteSpace(e.Description) ? detail : $"{detail}. {e.Description.Trim()}";
        }

        var interim = application.Type == ApplicationType.Interim;
        var blocks = new List<DocumentBlock>
        {
            new DocumentParagraph($"Application by complaint to {application.CourtName} under section {(interim ? "5" : "1")} of the Stalking Protection Act 2019, "
                + $"by the chief officer of police for {(application.ApplicantForce is { } force ? PoliceForces.Name(force) : "the applicant force")}."),
            new DocumentTable([
                new("Defendant", person.PrimaryName.FullName),
                new("Date of birth", person.DateOfBirth is { } dob ? Date(dob) : "Not recorded"),
                new("Court", application.CourtName),
                new("Crime references", Join(stalkingCase.CrimeReferenceList, "None recorded")),
            ]),
            new DocumentHeading("The grounds (SPA 2019 s.2(1))"),
        };
        foreach (var (limb, heading) in new[]
                 {
                     (Limb.ActsAssociatedWithStalking, "(a) The defendant has carried out acts associated with stalking"),
                     (Limb.RiskAssociatedWithStalking, "(b) The defendant poses a risk associated with stalking to another person"),
                     (Limb.NecessaryToProtect, "(c) The order is necessary to protect another person from that risk"),
                 })
        {
            blocks.Add(new DocumentParagraph(heading));
            var items = application.Evidence.Where(e => e.Limb == limb).Select(evidence).ToList();
            blocks.Add(items.Count == 0 ? new DocumentParagraph("No evidence is recorded for this ground.") : new DocumentBulletList(items));
        }

        var proposed = application.ProposedConditions;
        blocks.Add(new DocumentHeading("Draft order"));
        blocks.Add(proposed.Count == 0
            ? new DocumentParagraph("No prohibition or requirement has been proposed yet.")
            : new DocumentNumberedList(proposed.Select(c =>
            {
                var kind = c.Type == ConditionType.Prohibition ? "Prohibition" : "Requirement";
                var where = c.Scope == ConditionScope.Locality
                    ? $"Applies in: {(c.MapReference is { Length: > 0 } map ? $"{c.LocalityText?.Trim()} (map: {map.Trim()})" : c.LocalityText?.Trim())}."
                    : "Applies throughout the United Kingdom.";
                var lasts = c.Duration switch
                {
                    ConditionDuration.FixedPeriod when c.EndsOn is { } ends => $"Lasts until the end of {Date(ends)}.",
                    ConditionDuration.UntilFurtherOrder => "Lasts until further order.",
                    _ => "Lasts as long as the order.",
                };
                return $"{kind}: {c.Wording.Trim()} {where} {lasts}";
            }).ToList()));
        blocks.Add(new DocumentHeading("Evidence summary"));
        blocks.Add(new DocumentTable(application.Evidence.Select(e => new DocumentRow(e.Limb switch
        {
            Limb.ActsAssociatedWithStalking => "Ground (a)",
            Limb.RiskAssociatedWithStalking => "Ground (b)",
            _ => "Ground (c)",
        }, evidence(e))).ToList()));

        return await AuditedAsync(new GeneratedDocument(DocumentKind.ApplicationPack,
                interim ? "Application for an interim stalking protection order" : "Application for a stalking protection order",
                FileStem("application-pack", application.Id, timeProvider.UkToday), DocumentLanguage.English, blocks),
            application.Id, purpose, actor, ct, nameof(Application));
    }

    /// <summary>Evidence that is not an act or a screening on the case, by what it is.</summary>
    private static string EvidenceKindText(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Act => "An act recorded on the case",
        EvidenceKind.RiskAssessment => "A risk screening recorded on the case",
        EvidenceKind.NecessityRationale => "Why the order is necessary",
        _ => "A document",
    };
}
