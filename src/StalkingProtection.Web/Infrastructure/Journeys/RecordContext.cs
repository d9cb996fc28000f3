using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.People;

namespace StalkingProtection.Web.Infrastructure.Journeys;

/// <summary>
/// The record a workspace page is about: who the respondent is and the case's crime reference. Shown as the caption above the
/// page's heading and, the reference only, in the browser tab's title, so that with several tabs open each says which case it
/// is in. It is set by the shared loaders once the user is known to be allowed to see the case (need-to-know), so every page
/// built on them carries it without saying so itself.
/// </summary>
public sealed class RecordContext(string respondentName, string reference)
{
    public string RespondentName { get; } = respondentName;

    public string Reference { get; } = reference;

    public string Caption => $"{RespondentName}, {Reference}";

    /// <summary>True once the page's caption has been written: a page has one caption, above its heading.</summary>
    internal bool CaptionWritten { get; set; }

    public static RecordContext? Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Features.Get<RecordContext>();
    }

    public static RecordContext ForCase(HttpContext http, StalkingCase stalkingCase, string? respondentName)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(stalkingCase);
        var references = string.Join(", ", stalkingCase.CrimeReferenceList);
        var context = new RecordContext(
            string.IsNullOrWhiteSpace(respondentName) ? "Respondent not recorded" : respondentName,
            references.Length == 0 ? "no crime reference" : references);
        http.Features.Set(context);
        return context;
    }

    /// <summary>The case's context, naming <paramref name="respondentId"/> (an application's or order's respondent) or else the case's.</summary>
    public static async Task<RecordContext> ForCaseAsync(HttpContext http, StalkingProtectionDbContext db, StalkingCase stalkingCase,
        Guid? respondentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(stalkingCase);
        var name = await RespondentNameAsync(db, respondentId ?? stalkingCase.RespondentId, ct);
        return ForCase(http, stalkingCase, name);
    }

    private static async Task<string?> RespondentNameAsync(StalkingProtectionDbContext db, Guid? respondentId, CancellationToken ct)
    {
        if (respondentId is not { } id)
        {
            return null;
        }

        return await db.NameOfRespondentAsync(id, ct);
    }
}
