using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.People;

public sealed class VictimContactOptions
{
    public const string SectionName = "StalkingProtection:VictimContact";

    /// <summary>Base64 key (at least 32 bytes) for the HMAC-SHA256 search hashes; kept outside the database.</summary>
    public string SearchHashKey { get; set; } = "";
}

public sealed record SetVictimContactOptions(Guid VictimId, VictimContact Contact, long? ExpectedVersion = null);

/// <summary>
/// Victims' contact details, encrypted at rest with Data Protection. Every read is a consultation in the audit log (DPA 2018
/// s.62); changes are audited by which fields changed, never by their values.
/// </summary>
public sealed class VictimContactService(StalkingProtectionDbContext db, TimeProvider timeProvider, AuditLog audit, IDataProtectionProvider dataProtection,
    IOptions<VictimContactOptions> options)
{
    public const string ProtectorPurpose = "StalkingProtection.VictimContact.v1";

    private static readonly JsonSerializerOptions _json = new();

    private readonly IDataProtector _protector = dataProtection.CreateProtector(ProtectorPurpose);

    public async Task<VictimContactSetOutcome> SetAsync(SetVictimContactOptions request, Actor actor, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var c = request.Contact;
        new RuleCheck()
            .Must((c.Phone?.Length ?? 0) <= VictimContact.PhoneMaxLength, "Input", "phone", $"The phone number is at most {VictimContact.PhoneMaxLength} characters", "")
            .Must((c.Email?.Length ?? 0) <= VictimContact.EmailMaxLength, "Input", "email", $"The email address is at most {VictimContact.EmailMaxLength} characters", "")
            .Must((c.Address?.Length ?? 0) <= VictimContact.AddressMaxLength, "Input", "address", $"The address is at most {VictimContact.AddressMaxLength} characters", "")
            .Must((c.SafeTimes?.Length ?? 0) <= VictimContact.SafeTimesMaxLength, "Input", "safeTimes", $"The safe times are at most {VictimContact.SafeTimesMaxLength} characters", "")
            .ThrowIfBroken();
        _ = await db.Victims.SingleAsync(v => v.Id == request.VictimId, ct);
        var details = await db.VictimContactDetails.SingleOrDefaultAsync(d => d.VictimId == request.VictimId, ct);
        var previous = details is null ? null : Unprotect(details.Ciphertext);
        if (details is null)
        {
            details = new VictimContactDetails { Id = Guid.CreateVersion7(now), VictimId = request.VictimId };
            db.VictimContactDetails.Add(details);
        }
        else
        {
            db.ExpectVersion(details, request.ExpectedVersion);
        }

        var ciphertext = _protector.Protect(JsonSerializer.Serialize(c, _json));
        details.Set(ciphertext, Hash(NormalisePhone(c.Phone)), Hash(NormaliseEmail(c.Email)), now);
        var changed = ChangedFields(previous, c);
        audit.Add(actor, AuditEvents.VictimContact.Changed.For(request.VictimId, newValues: new { ChangedFields = changed })
            with { Kind = previous is null ? AuditKind.Collection : AuditKind.Alteration });
        await db.SaveChangesAsync(ct);
        return new VictimContactSetOutcome(request.VictimId, previous is null, changed);
    }

    /// <summary>Reads the details and records the consultation and its justification before returning them.</summary>
    public async Task<VictimContact?> ReadAsync(Guid victimId, Actor actor, string justification, CancellationToken ct = default)
    {
        new RuleCheck()
            .Must(!string.IsNullOrWhiteSpace(justification) && justification.Length <= AuditEntry.JustificationMaxLength, "DPA2018", "justification",
                "Give the reason you need to see the victim's contact details (Data Protection Act 2018 s.62)", "DPA 2018 s.62")
            .ThrowIfBroken();
        var details = await db.VictimContactDetails.AsNoTracking().SingleOrDefaultAsync(d => d.VictimId == victimId, ct);
        await audit.RecordConsultationAsync(actor, AuditEvents.VictimContact.Read.For(victimId, justification), ct);
        return details is null ? null : Unprotect(details.Ciphertext);
    }

    /// <summary>Victims whose phone number matches exactly, found by the keyed hash; the search itself is audited.</summary>
    public async Task<IReadOnlyList<Guid>> FindByPhoneAsync(string phone, Actor actor, string justification, CancellationToken ct = default)
    {
        new RuleCheck()
            .Must(!string.IsNullOrWhiteSpace(justification), "DPA2018", "justification", "Give the reason for the search (Data Protection Act 2018 s.62)", "DPA 2018 s.62")
            .ThrowIfBroken();
        var hash = Hash(NormalisePhone(phone));
        var ids = hash is null ? [] : await db.VictimContactDetails.Where(d => d.PhoneHash == hash).Select(d => d.VictimId).ToListAsync(ct);
        await audit.RecordConsultationAsync(actor, AuditEvents.VictimContact.SearchedByPhone.For(null, justification), ct);
        return ids;
    }

    private VictimContact Unprotect(string ciphertext) =>
        JsonSerializer.Deserialize<VictimContact>(_protector.Unprotect(ciphertext), _json)
        ?? throw new InvalidOperationException("The victim contact details could not be read.");

    private string? Hash(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var key = Convert.FromBase64String(options.Value.SearchHashKey);
        if (key.Length < 32)
        {
            throw new InvalidOperationException($"{VictimContactOptions.SectionName}:SearchHashKey must be a base64 key of at least 32 bytes.");
        }

        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value)));
    }

    private static string? NormalisePhone(string? phone)
    {
        var digits = new string((phone ?? "").Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 0 ? null : digits.StartsWith("44", StringComparison.Ordinal) ? "0" + digits[2..] : digits;
    }

    private static string? NormaliseEmail(string? email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();

    private static List<string> ChangedFields(VictimContact? old, VictimContact now)
    {
        var fields = new List<string>();
        if (old?.Phone != now.Phone)
        {
            fields.Add("phone");
        }

        if (old?.Email != now.Email)
        {
            fields.Add("email");
        }

        if (old?.Address != now.Address)
        {
            fields.Add("address");
        }

        if (old?.SafeTimes != now.SafeTimes)
        {
            fields.Add("safeTimes");
        }

        if (old?.VoicemailAllowed != now.VoicemailAllowed)
        {
            fields.Add("voicemailAllowed");
        }

        return fields;
    }
}
