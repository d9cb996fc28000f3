using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.People;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Api;

/// <summary>
/// A notification at a police station (SPA 2019 s.10). R31: without an acknowledgement reference from the client, the service
/// issues one and records the acknowledgement as given now.
/// </summary>
public sealed record RecordNotificationRequest(DateTimeOffset NotifiedAt, string StationName, PoliceForce StationPoliceArea, NotificationMode Mode,
    string ReceivedBy, bool ReceivedByAuthorisedPerson = false, string? AuthorisationReference = null, string? NamesGiven = null, string? AddressGiven = null,
    string? AcknowledgementReference = null, DateTimeOffset? AcknowledgedAt = null, string? AcknowledgementFormVersion = null,
    IReadOnlyList<BiometricsRequested>? BiometricsRequested = null, string? BiometricsPurpose = null,
    BiometricsOutcome BiometricsOutcome = BiometricsOutcome.NotRequested, Guid? ObligationId = null) : IApiRequest
{
    public void Validate(ApiValidator v) =>
        v.Instant("notifiedAt", NotifiedAt)
            .Required("stationName", StationName, NotificationEvent.StationMaxLength)
            .Required("receivedBy", ReceivedBy, NotificationEvent.NameMaxLength)
            .Optional("authorisationReference", AuthorisationReference, NotificationEvent.ReferenceMaxLength)
            .Optional("namesGiven", NamesGiven, NotificationEvent.InformationMaxLength)
            .Optional("addressGiven", AddressGiven, NotificationEvent.InformationMaxLength)
            .Optional("acknowledgementReference", AcknowledgementReference, NotificationEvent.ReferenceMaxLength)
            .Instant("acknowledgedAt", AcknowledgedAt)
            .Optional("acknowledgementFormVersion", AcknowledgementFormVersion, 50)
            .Optional("biometricsPurpose", BiometricsPurpose, 50);
}

public sealed record RecordNameChangeRequest(string GivenNames, string FamilyName, DateOnly FirstUsedOn) : IApiRequest
{
    public void Validate(ApiValidator v) =>
        v.Optional("givenNames", GivenNames, PersonName.NameMaxLength).Required("familyName", FamilyName, PersonName.NameMaxLength).Date("firstUsedOn", FirstUsedOn);
}

public sealed record RecordAddressChangeRequest(string Address, DateOnly MovedOn, PoliceForce? PoliceArea = null) : IApiRequest
{
    public void Validate(ApiValidator v) => v.Required("address", Address, RespondentAddress.AddressMaxLength).Date("movedOn", MovedOn);
}

public sealed record RecordSoaStartRequest(DateOnly StartedOn) : IApiRequest
{
    public void Validate(ApiValidator v) => v.Date("startedOn", StartedOn);
}

public sealed record RecordSoaFinalDayRequest(DateOnly FinalDay) : IApiRequest
{
    public void Validate(ApiValidator v) => v.Date("finalDay", FinalDay);
}

/// <summary>Either <c>obligationId</c> (H20165–H20167: a duty not met) or <c>notificationId</c> (H20168, H20169).</summary>
public sealed record RecordNotificationOffenceRequest(string OffenceCode, Guid? ObligationId = null, Guid? NotificationId = null,
    string? ReasonableExcuseNotes = null) : IApiRequest
{
    public void Validate(ApiValidator v) =>
        v.Required("offenceCode", OffenceCode, 10).Optional("reasonableExcuseNotes", ReasonableExcuseNotes, NotificationOffence.TextMaxLength);
}

public sealed record RecordNotificationOffenceOutcomeRequest(NotificationOffenceOutcome Outcome, long Version, DateOnly? OutcomeOn = null,
    string? ReasonableExcuseNotes = null) : IApiRequest
{
    public void Validate(ApiValidator v) =>
        v.Date("outcomeOn", OutcomeOn).Optional("reasonableExcuseNotes", ReasonableExcuseNotes, NotificationOffence.TextMaxLength);
}

public sealed record NotificationOffenceResponse(Guid Id, Guid RespondentId, Guid? ObligationId, Guid? NotificationId, string OffenceCode, DateOnly OffenceOn,
    string? ReasonableExcuseNotes, NotificationOffenceOutcome Outcome, DateOnly? OutcomeOn, string RecordedBy, DateTimeOffset RecordedAt, long Version,
    string? Explanation = null);

/// <summary>The respondent's notification duties: notifications at a police station, new names and new home addresses (SPA 2019 ss.9–10).</summary>
public static class NotificationsEndpoints
{
    public static RouteGroupBuilder MapNotifications(this RouteGroupBuilder api)
    {
        api.MapPost("/respondents/{id:guid}/notifications", (Guid id, HttpContext http, NotificationService notifications, StalkingProtectionDbContext db,
                TimeProvider time) =>
            ApiRoute.HandleAsync<RecordNotificationRequest>(http.Request, async r =>
            {
                // R31: without a reference from the station, the service issues a unique one.
                var reference = r.AcknowledgementReference ?? "";
                var acknowledgedAt = r.AcknowledgementReference is null ? time.GetUtcNow() : r.AcknowledgedAt;
                var biometrics = (r.BiometricsRequested ?? []).Aggregate(BiometricsRequested.None, (all, b) => all | b);
                var details = new NotificationEvent.Details(r.NotifiedAt, r.StationName, r.StationPoliceArea, r.Mode, r.ReceivedBy, r.ReceivedByAuthorisedPerson,
                    r.AuthorisationReference, r.NamesGiven, r.AddressGiven, reference, acknowledgedAt, r.AcknowledgementFormVersion, biometrics, r.BiometricsPurpose,
                    r.BiometricsOutcome);
                var recorded = await notifications.RecordNotificationAsync(new RecordNotificationOptions(id, details, r.ObligationId), http.User.ToActor(),
                    http.RequestAborted);
                var notification = await ApiResponses.NotificationAsync(db, recorded.NotificationId, http.RequestAborted);
                return ApiRoute.Created($"/api/v1/notifications/{recorded.NotificationId}", notification! with { Explanation = recorded.Explain() });
            }))
            .Write<RecordNotificationRequest, NotificationResponse>("RecordNotification",
                "Record a notification given in person at a police station, with its written acknowledgement reference (R29–R32).");

        api.MapGet("/notifications/{id:guid}", (Guid id, HttpContext http, AuditLog audit, StalkingProtectionDbContext db) =>
            ApiRoute.ConsultAsync(http, audit, nameof(NotificationEvent), id, () => ApiResponses.NotificationAsync(db, id, http.RequestAborted)))
            .Read<NotificationResponse>("GetNotification", "Read a notification and the duties it met.");

        api.MapPost("/respondents/{id:guid}/names", (Guid id, HttpContext http, NotificationService notifications) =>
            ApiRoute.HandleAsync<RecordNameChangeRequest>(http.Request, async r =>
            {
                var duty = await notifications.RecordNameChangeAsync(new RecordNameChangeOptions(id, r.GivenNames, r.FamilyName, r.FirstUsedOn),
                    http.User.ToActor(), http.RequestAborted);
                return Results.Created($"/api/v1/respondents/{id}", ApiResponses.ChangeOfDetails(id, duty));
            }))
            .Write<RecordNameChangeRequest, ChangeOfDetailsResponse>("RecordNameChange", "Record a name the respondent has started to use (R27).");

        api.MapPost("/respondents/{id:guid}/addresses", (Guid id, HttpContext http, NotificationService notifications) =>
            ApiRoute.HandleAsync<RecordAddressChangeRequest>(http.Request, async r =>
            {
                var duty = await notifications.RecordAddressChangeAsync(new RecordAddressChangeOptions(id, r.Address, r.PoliceArea, r.MovedOn),
                    http.User.ToActor(), http.RequestAborted);
                return Results.Created($"/api/v1/respondents/{id}", ApiResponses.ChangeOfDetails(id, duty));
            }))
            .Write<RecordAddressChangeRequest, ChangeOfDetailsResponse>("RecordAddressChange", "Record a change of the respondent's home address (R28).");

        api.MapPost("/respondents/{id:guid}/soa-part2-periods", (Guid id, HttpContext http, NotificationService notifications, StalkingProtectionDbContext db) =>
            ApiRoute.HandleAsync<RecordSoaStartRequest>(http.Request, async r =>
            {
                var started = await notifications.RecordSoaStartAsync(new RecordSoaStartOptions(id, r.StartedOn), http.User.ToActor(), http.RequestAborted);
                var respondent = await ApiResponses.RespondentAsync(db, id, http.RequestAborted);
                return Results.Created($"/api/v1/respondents/{id}", respondent! with { Explanation = started.Explain() });
            }))
            .Write<RecordSoaStartRequest, RespondentResponse>("RecordSoaPart2Start",
                "Record that the respondent became subject to Sexual Offences Act 2003 Part 2 notification: no s.9 duty arises while it lasts (SPA 2019 s.9(5), R25).");

        api.MapPost("/respondents/{id:guid}/soa-part2-final-day", (Guid id, HttpContext http, NotificationService notifications) =>
            ApiRoute.HandleAsync<RecordSoaFinalDayRequest>(http.Request, async r =>
            {
                var duty = await notifications.RecordSoaFinalDayAsync(new RecordSoaFinalDayOptions(id, r.FinalDay), http.User.ToActor(), http.RequestAborted);
                return Results.Ok(ApiResponses.ChangeOfDetails(id, duty));
            }))
            .Write<RecordSoaFinalDayRequest, ChangeOfDetailsResponse>("RecordSoaPart2FinalDay",
                "Record the final day of the respondent's SOA 2003 Part 2 notification; with an order in force the initial duty runs from it (R26).",
                StatusCodes.Status200OK);

        api.MapPost("/respondents/{id:guid}/notification-offences", (Guid id, HttpContext http, NotificationService notifications, StalkingProtectionDbContext db) =>
            ApiRoute.HandleAsync<RecordNotificationOffenceRequest>(http.Request, async r =>
            {
                var recorded = await notifications.RecordOffenceAsync(new RecordNotificationOffenceOptions(id, r.ObligationId, r.NotificationId, r.OffenceCode,
                    r.ReasonableExcuseNotes), http.User.ToActor(), http.RequestAborted);
                var offence = await NotificationOffenceAsync(db, recorded.OffenceId, http.RequestAborted);
                return ApiRoute.Created($"/api/v1/notification-offences/{recorded.OffenceId}", offence! with { Explanation = recorded.Explain() });
            }))
            .Write<RecordNotificationOffenceRequest, NotificationOffenceResponse>("RecordNotificationOffence",
                "Record a suspected s.11 offence against the duty not met (H20165–H20167) or the notification (H20168 refusal of biometrics, R32; H20169 false information). R33: the service never records one itself.");

        api.MapGet("/notification-offences/{id:guid}", (Guid id, HttpContext http, AuditLog audit, StalkingProtectionDbContext db) =>
            ApiRoute.ConsultAsync(http, audit, nameof(NotificationOffence), id, () => NotificationOffenceAsync(db, id, http.RequestAborted)))
            .Read<NotificationOffenceResponse>("GetNotificationOffence", "Read a suspected s.11 offence and its outcome.");

        api.MapPost("/notification-offences/{id:guid}/outcome", (Guid id, HttpContext http, NotificationService notifications, StalkingProtectionDbContext db) =>
            ApiRoute.HandleAsync<RecordNotificationOffenceOutcomeRequest>(http.Request, async r =>
            {
                var recorded = await notifications.RecordOffenceOutcomeAsync(
                    new RecordNotificationOffenceOutcomeOptions(id, r.Outcome, r.OutcomeOn, r.ReasonableExcuseNotes, r.Version), http.User.ToActor(), http.RequestAborted);
                return Results.Ok((await NotificationOffenceAsync(db, id, http.RequestAborted))! with { Explanation = recorded.Explain() });
            }, () => db.NotificationOffences.AsNoTracking().Where(o => o.Id == id).Select(o => (long?)o.Version).SingleOrDefaultAsync()))
            .Write<RecordNotificationOffenceOutcomeRequest, NotificationOffenceResponse>("RecordNotificationOffenceOutcome",
                "Record the outcome of a suspected s.11 offence (no further action, reasonable excuse accepted, caution, charge, conviction, acquittal).",
                StatusCodes.Status200OK);

        return api;
    }

    private static async Task<NotificationOffenceResponse?> NotificationOffenceAsync(StalkingProtectionDbContext db, Guid id, CancellationToken ct) =>
        await db.NotificationOffences.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct) is { } o
            ? new NotificationOffenceResponse(o.Id, o.RespondentId, o.ObligationId, o.NotificationEventId, o.OffenceCode, o.OffenceOn, o.ReasonableExcuseNotes, o.Outcome,
                o.OutcomeOn, o.RecordedBy, o.RecordedAt, o.Version)
            : null;
}
