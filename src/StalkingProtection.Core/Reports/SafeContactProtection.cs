using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.Reports;

/// <summary>
/// The safe contact details every public journey (a report, a breach report) stores: encrypted at rest, and read only with a
/// reason that is audited (DPA 2018 s.62).
/// </summary>
internal static class SafeContactProtection
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public static string Protect(IDataProtectionProvider dataProtection, SafeContactDetails contact) =>
        dataProtection.CreateProtector(PublicReportService.ContactPurpose).Protect(JsonSerializer.Serialize(contact, _json));

    /// <summary>Decrypts stored safe contact details; every caller audits the read.</summary>
    public static SafeContactDetails? Unprotect(IDataProtectionProvider dataProtection, string? protectedContact) =>
        protectedContact is null
            ? null
            : JsonSerializer.Deserialize<SafeContactDetails>(dataProtection.CreateProtector(PublicReportService.ContactPurpose).Unprotect(protectedContact), _json);

    /// <summary>Decrypts stored safe contact details only with a reason, and audits the read with that reason (DPA 2018 s.62).</summary>
    public static async Task<SafeContactDetails?> ReadForReasonAsync(IDataProtectionProvider dataProtection, AuditLog audit, Actor actor, AuditAction action,
        Guid recordId, string? protectedContact, string reason, CancellationToken ct)
    {
        new RuleCheck()
            .Must(!string.IsNullOrWhiteSpace(reason) && reason.Trim().Length <= AuditEntry.JustificationMaxLength, "DPA2018", "reason",
                "Give the reason you need to see the safe contact details (Data Protection Act 2018 s.62)", "DPA 2018 s.62")
            .ThrowIfBroken();
        await audit.RecordConsultationAsync(actor, action.For(recordId, reason.Trim()), ct);
        return Unprotect(dataProtection, protectedContact);
    }
}
