using System.Globalization;
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

/// <summary>The respondent's notification duties: notifications at a police station, new names and new home addresses (SPA 2019 ss.9–10).</summary>
public static class NotificationsEndpoints
{
    public static RouteGroupBuilder MapNotifications(this RouteGroupBuilder api)
    {
        api.MapPost("/respondents/{id:guid}/notifications", (Guid id, HttpContext http, NotificationService notifications, StalkingProtectionDbContext db,
                TimeProvider time) =>
            ApiRoute.HandleAsync<RecordNotificationRequest>(http.Request, async r =>
            {
                var now = time.GetUtcNow();
                var reference = r.AcknowledgementReference
                    ?? $"SPA-ACK-{r.NotifiedAt.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{id.ToString("N")[^8..].ToUpperInvariant()}";
                var acknowledgedAt = r.AcknowledgementReference is null ? now : r.AcknowledgedAt;
                var biometrics = (r.BiometricsRequested ?? []).Aggregate(BiometricsRequested.None, (all, b) => all | b);
                var details = new NotificationEvent.Details(r.NotifiedAt, r.StationName, r.StationPoliceArea, r.Mode, r.ReceivedBy, r.ReceivedByAuthorisedPerson,
                    r.AuthorisationReference, r.NamesGiven, r.AddressGiven, reference, acknowledgedAt, r.AcknowledgementFormVersion, biometrics, r.BiometricsPurpose,
                    r.BiometricsOutcome);
                var notificationId = await notifications.RecordNotificationAsync(new RecordNotificationOptions(id, details, r.ObligationId), http.User.ToActor(),
                    http.RequestAborted);
                return ApiRoute.Created($"/api/v1/notifications/{notificationId}", await ApiResponses.NotificationAsync(db, notificationId, http.RequestAborted));
            }))
            .Write<RecordNotificationRequest, NotificationResponse>("RecordNotification",
                "Record a notification given in person at a police station, with its written acknowledgement reference (R29–R32).");

        api.MapGet("/notifications/{id:guid}", (Guid id, HttpContext http, AuditLog audit, StalkingProtectionDbContext db) =>
            ApiRoute.ConsultAsync(http, audit, nameof(NotificationEvent), id, () => ApiResponses.NotificationAsync(db, id, http.RequestAborted)))
            .Read<NotificationResponse>("GetNotification", "Read a notification and the duties it met.");

        api.MapPost("/respondents/{id:guid}/names", (Guid id, HttpContext http, NotificationService notifications, StalkingProtectionDbContext db) =>
            ApiRoute.HandleAsync<RecordNameChangeRequest>(http.Request, async r =>
            {
                var obligationId = await notifications.RecordNameChangeAsync(new RecordNameChangeOptions(id, r.GivenNames, r.FamilyName, r.FirstUsedOn),
                    http.User.ToActor(), http.RequestAborted);
                var obligation = await ApiResponses.ObligationAsync(db, obligationId, http.RequestAborted);
                return Results.Created($"/api/v1/respondents/{id}", new ChangeOfDetailsResponse(id, obligation, obligation is null
                    ? "No notification duty: no served order was in force on that day, or the respondent is subject to SOA 2003 Part 2 (SPA 2019 s.9(3), (5))."
                    : $"The respondent must notify the new name by the end of {obligation.DueBy:d MMMM yyyy} (SPA 2019 s.9(3), R27)."));
            }))
            .Write<RecordNameChangeRequest, ChangeOfDetailsResponse>("RecordNameChange", "Record a name the respondent has started to use (R27).");

        api.MapPost("/respondents/{id:guid}/addresses", (Guid id, HttpContext http, NotificationService notifications, StalkingProtectionDbContext db) =>
            ApiRoute.HandleAsync<RecordAddressChangeRequest>(http.Request, async r =>
            {
                var obligationId = await notifications.RecordAddressChangeAsync(new RecordAddressChangeOptions(id, r.Address, r.PoliceArea, r.MovedOn),
                    http.User.ToActor(), http.RequestAborted);
                var obligation = await ApiResponses.ObligationAsync(db, obligationId, http.RequestAborted);
                return Results.Created($"/api/v1/respondents/{id}", new ChangeOfDetailsResponse(id, obligation, obligation is null
                    ? "No notification duty: no served order was in force on that day, or the respondent is subject to SOA 2003 Part 2 (SPA 2019 s.9(4), (5))."
                    : $"The respondent must notify the new home address by the end of {obligation.DueBy:d MMMM yyyy} (SPA 2019 s.9(4), R28)."));
            }))
            .Write<RecordAddressChangeRequest, ChangeOfDetailsResponse>("RecordAddressChange", "Record a change of the respondent's home address (R28).");

        return api;
    }
}
