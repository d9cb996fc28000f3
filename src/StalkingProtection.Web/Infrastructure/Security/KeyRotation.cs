using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Reports;
using StalkingProtection.Core.Staff;

namespace StalkingProtection.Web.Infrastructure.Security;

public sealed record KeyRotationResult(Guid NewKeyId, int KeysRewrapped, int VictimContacts, int PublicReports, int Drafts, int AuthenticatorKeys, string KeyEncryptionKeyId);

/// <summary>
/// <c>rotate-keys</c>: a new Data Protection key; every key in the ring re-wrapped with the current key-encryption key
/// (so a retired one is no longer needed); and victims' contact details, public reports' safe-contact details and report
/// drafts and staff authenticator keys re-encrypted with the new key. All in one transaction, audited.
/// </summary>
public sealed class KeyRotation(
    StalkingProtectionDbContext db,
    IKeyManager keyManager,
    IDataProtectionProvider dataProtection,
    KeyEncryptionKeys keys,
    IServiceProvider services,
    AuditLog audit,
    TimeProvider timeProvider)
{
    private static readonly XNamespace _dataProtection = "http://schemas.asp.net/2015/03/dataProtection";
    private static readonly TimeSpan _keyLifetime = TimeSpan.FromDays(90);

    public async Task<KeyRotationResult> RotateAsync(CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var newKey = keyManager.CreateNewKey(now, now + _keyLifetime);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var rewrapped = await RewrapKeyRingAsync(ct);

        var victimContact = dataProtection.CreateProtector(VictimContactService.ProtectorPurpose);
        var contacts = await db.VictimContactDetails.Select(d => new { d.Id, d.Ciphertext }).ToListAsync(ct);
        foreach (var row in contacts)
        {
            var again = victimContact.Protect(victimContact.Unprotect(row.Ciphertext));
            await db.VictimContactDetails.Where(d => d.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.Ciphertext, again), ct);
        }

        var reportContact = dataProtection.CreateProtector(PublicReportService.ContactPurpose);
        var reports = await db.PublicReports.Where(r => r.ProtectedContact != null).Select(r => new { r.Id, r.ProtectedContact }).ToListAsync(ct);
        foreach (var row in reports)
        {
            var again = reportContact.Protect(reportContact.Unprotect(row.ProtectedContact!));
            await db.PublicReports.Where(r => r.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ProtectedContact, again), ct);
        }

        var breachReports = await db.ReportedBreaches.Where(r => r.ProtectedContact != null).Select(r => new { r.Id, r.ProtectedContact }).ToListAsync(ct);
        foreach (var row in breachReports)
        {
            var again = reportContact.Protect(reportContact.Unprotect(row.ProtectedContact!));
            await db.ReportedBreaches.Where(r => r.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ProtectedContact, again), ct);
        }

        var draftAnswers = dataProtection.CreateProtector(PublicReportService.DraftPurpose);
        // A sent report's draft keeps no answers.
        var drafts = await db.Set<PublicReportDraft>().Where(d => d.ProtectedAnswers != "").Select(d => new { d.Id, d.ProtectedAnswers }).ToListAsync(ct);
        foreach (var row in drafts)
        {
            var again = draftAnswers.Protect(draftAnswers.Unprotect(row.ProtectedAnswers));
            await db.Set<PublicReportDraft>().Where(d => d.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.ProtectedAnswers, again), ct);
        }

        var authenticatorKey = dataProtection.CreateProtector(StaffUserStore.AuthenticatorKeyPurpose);
        var authenticatorKeys = await db.UserTokens
            .Where(t => t.Value != null
                && ((t.LoginProvider == StaffUserStore.AuthenticatorKeyProvider && t.Name == StaffUserStore.AuthenticatorKeyName)
                    || (t.LoginProvider == StaffAccountService.PendingKeyProvider && t.Name == StaffAccountService.PendingKeyName)))
            .ToListAsync(ct);
        foreach (var token in authenticatorKeys)
        {
            token.Value = authenticatorKey.Protect(StaffUserStore.StoredInClear(token.Value!) ? token.Value! : authenticatorKey.Unprotect(token.Value!));
        }

        var result = new KeyRotationResult(newKey.KeyId, rewrapped, contacts.Count, reports.Count + breachReports.Count, drafts.Count, authenticatorKeys.Count, keys.CurrentId);
        audit.Add(Actor.System, AuditEvents.Keys.Rotated.For(newKey.KeyId,
            newValues: new { result.KeysRewrapped, result.VictimContacts, result.PublicReports, result.Drafts, result.AuthenticatorKeys, result.KeyEncryptionKeyId }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>Unwraps each key's secret with whichever key-encryption key wrapped it (or none, for a ring stored before wrapping) and wraps it with the current one.</summary>
    private async Task<int> RewrapKeyRingAsync(CancellationToken ct)
    {
        var encryptor = new KeyEncryptionKeyXmlEncryptor(keys);
        var decryptor = new KeyEncryptionKeyXmlDecryptor(services);
        var rows = await db.DataProtectionKeys.ToListAsync(ct);
        var count = 0;
        foreach (var row in rows.Where(r => r.Xml is not null))
        {
            var element = XElement.Parse(row.Xml!);
            var secrets = element.Descendants()
                .Where(e => e.Name == _dataProtection + "encryptedSecret" || (bool?)e.Attribute(_dataProtection + "requiresEncryption") == true)
                .Where(e => e.Ancestors().All(a => a.Name != _dataProtection + "encryptedSecret"))
                .ToList();
            foreach (var secret in secrets)
            {
                var plaintext = secret.Name == _dataProtection + "encryptedSecret" ? Unwrap(secret, decryptor) : secret;
                var wrapped = encryptor.Encrypt(plaintext);
                secret.ReplaceWith(new XElement(_dataProtection + "encryptedSecret",
                    new XAttribute("decryptorType", wrapped.DecryptorType.AssemblyQualifiedName!),
                    wrapped.EncryptedElement));
            }

            if (secrets.Count > 0)
            {
                row.Xml = element.ToString(SaveOptions.DisableFormatting);
                count++;
            }
        }

        await db.SaveChangesAsync(ct);
        return count;
    }

    private static XElement Unwrap(XElement encryptedSecret, KeyEncryptionKeyXmlDecryptor decryptor)
    {
        var type = (string?)encryptedSecret.Attribute("decryptorType") ?? "";
        if (!type.StartsWith(typeof(KeyEncryptionKeyXmlDecryptor).FullName + ",", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"A Data Protection key is wrapped by {type}, which rotate-keys cannot unwrap.");
        }

        return decryptor.Decrypt(encryptedSecret.Elements().Single());
    }
}
