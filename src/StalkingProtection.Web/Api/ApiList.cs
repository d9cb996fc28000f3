using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Lists;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Search;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Api;

/// <summary>
/// What every list of the API shares: its filters read as text so that each bad one is named in one problem, a page of
/// rows beyond an opaque cursor (the last row's sort key and id, ADR 0009), the next page's address, and the consultation
/// each page is (DPA 2018 s.62).
/// </summary>
public sealed class ApiList
{
    public const int PageSize = 50;
    public const int PageSizeLimit = 100;

    private readonly List<ApiProblems.FieldError> _errors = [];

    private ApiList(string? limit)
    {
        var take = PageSize;
        var badLimit = limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out take) || take is < 1 or > PageSizeLimit);
        Take = badLimit ? PageSize : take;
        Must(!badLimit, "limit", $"Enter a number of rows from 1 to {PageSizeLimit}.");
    }

    public int Take { get; }

    /// <summary>The sort key of the last row of the page before, as text for <see cref="Keyset"/>.</summary>
    public string? AfterKey { get; private init; }

    public Guid? AfterId { get; private init; }

    /// <summary>For the change feed: the position of the last change the client was given, 0 for the start.</summary>
    public long AfterPosition { get; private init; }

    private bool CursorGiven { get; init; }

    public IResult? Problem => _errors.Count == 0 ? null : ApiProblems.Invalid(_errors);

    /// <summary>Reads the cursor (written for a sort key of <paramref name="keyType"/>) and the page size.</summary>
    public static ApiList Read(string? cursor, string? limit, Type keyType)
    {
        var after = cursor is null ? null : ReadCursor(cursor, keyType);
        var list = new ApiList(limit) { AfterKey = after?.Key, AfterId = after?.Id, CursorGiven = cursor is not null };
        return list.Must(cursor is null || after is not null, "cursor", UseTheCursorGiven);
    }

    /// <summary>Reads the change feed's position, named <paramref name="field"/> (written by <see cref="WritePosition"/>), and the page size.</summary>
    public static ApiList ReadPosition(string field, string? position, string? limit)
    {
        var after = position is null ? 0 : ReadPosition(position);
        var list = new ApiList(limit) { AfterPosition = after ?? 0, CursorGiven = position is not null };
        return list.Must(after is not null, field, UseTheCursorGiven);
    }

    private const string UseTheCursorGiven = "Use the cursor from a page's \"next\" address, unchanged.";

    private const string PositionPrefix = "change|";

    public static string WritePosition(long position) =>
        WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(PositionPrefix + position.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The position a change feed cursor names, or null when it is not one this service wrote.</summary>
    private static long? ReadPosition(string cursor) =>
        Decode(cursor) is { } text && text.StartsWith(PositionPrefix, StringComparison.Ordinal)
            && long.TryParse(text.AsSpan(PositionPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            ? position
            : null;

    private static string? Decode(string cursor)
    {
        if (cursor.Length is 0 or > 1000)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cursor));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static string WriteCursor(object key, Guid id) =>
        WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($"{Keyset.Format(key)}|{id:N}"));

    /// <summary>The position a cursor names, or null when it is not one this service wrote for this list.</summary>
    public static (string Key, Guid Id)? ReadCursor(string cursor, Type keyType)
    {
        if (Decode(cursor) is not { } text)
        {
            return null;
        }

        var bar = text.LastIndexOf('|');
        return bar >= 0 && Guid.TryParseExact(text[(bar + 1)..], "N", out var id) && Keyset.Parse(text[..bar], keyType) is not null
            ? (text[..bar], id)
            : null;
    }

    public ApiList Must(bool ok, string field, string message)
    {
        if (!ok)
        {
            _errors.Add(new ApiProblems.FieldError(field, message));
        }

        return this;
    }

    /// <summary>An enum filter by name; <paramref name="none"/> when not given, and a problem naming the values when unknown.</summary>
    public TEnum Choice<TEnum>(string field, string? text, TEnum none)
        where TEnum : struct, Enum
    {
        if (text is null)
        {
            return none;
        }

        var ok = Enum.TryParse(text, ignoreCase: true, out TEnum value) && Enum.IsDefined(value) && !int.TryParse(text, out _);
        Must(ok, field, $"Enter one of: {string.Join(", ", Enum.GetNames<TEnum>())}.");
        return ok ? value : none;
    }

    public ApiList Text(string field, string? text, int maxLength, string what) =>
        Must(text is null || (!string.IsNullOrWhiteSpace(text) && text.Length <= maxLength), field, $"Enter {what} of at most {maxLength} characters.");

    public ApiList Team(string? team) => Must(team is not { Length: > StalkingCase.TeamMaxLength }, "team", $"A team is at most {StalkingCase.TeamMaxLength} characters.");

    public ApiList Officer(string? officer) =>
        Must(officer is not { Length: > StalkingCase.OfficerMaxLength }, "officer", $"An officer is at most {StalkingCase.OfficerMaxLength} characters.");

    /// <summary>An instant with its offset (<c>2026-03-01T09:00:00Z</c>), as UTC; null when not given or not one.</summary>
    public DateTimeOffset? ChangedSince(string? text)
    {
        if (text is null)
        {
            return null;
        }

        // A "+" in a query string arrives as a space unless the client encoded it.
        text = text.Replace(' ', '+');
        DateTimeOffset since = default;
        var ok = text.Contains('T', StringComparison.Ordinal) && InstantWithOffsetConverter.HasOffset(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out since)
            && DateOnly.FromDateTime(since.UtcDateTime) >= ApiValidator.EarliestDate && DateOnly.FromDateTime(since.UtcDateTime) <= ApiValidator.LatestDate;
        Must(ok, "changedSince", "Enter an instant with its offset from UTC, for example 2026-03-01T09:00:00Z.");
        return ok ? since.ToUniversalTime() : null;
    }

    /// <summary>
    /// The people a <paramref name="pncId"/>, or a family name (any name they are known by) with a date of birth, name,
    /// matched as the frontline lookup matches them; null when neither is given.
    /// </summary>
    public IQueryable<Guid>? People(StalkingProtectionDbContext db, string? pncId, string? familyName, string? dateOfBirth)
    {
        Text("pncId", pncId, Person.PncIdMaxLength, "a PNC ID");
        DateOnly born = default;
        if ((familyName is null) != (dateOfBirth is null))
        {
            Must(false, familyName is null ? "familyName" : "dateOfBirth", "Search by family name and date of birth together.");
        }
        else if (familyName is not null)
        {
            Text("familyName", familyName, PersonName.NameMaxLength, "a family name");
            Must(DateOnly.TryParseExact(dateOfBirth, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out born)
                && born >= ApiValidator.EarliestDate && born <= ApiValidator.LatestDate, "dateOfBirth", "Enter a real date of birth as YYYY-MM-DD.");
        }

        if (_errors.Count > 0)
        {
            return null;
        }

        IQueryable<Guid>? people = null;
        if (pncId is not null)
        {
            // R-matching, P1: a PNC ID however it is written, by equality on the index of its key, as the lookup and the search find it.
            var pncKey = ReferenceKeys.PncId(pncId);
            people = db.People.Where(p => p.PncIdKey == pncKey).Select(p => p.Id);
        }

        if (familyName is not null)
        {
            var key = PersonName.SearchKey(familyName);
            var named = db.Set<PersonName>().Where(n => n.FamilySearchKey == key).Select(n => n.PersonId);
            var byName = db.People.Where(p => named.Contains(p.Id) && p.DateOfBirth == born).Select(p => p.Id);
            people = people is null ? byName : people.Where(id => byName.Contains(id));
        }

        return people;
    }

    /// <summary>
    /// The rows whose record (of <paramref name="recordType"/>, named by <paramref name="id"/>) the audit log shows created or
    /// altered at or after <paramref name="since"/>; all of them when <paramref name="since"/> is null.
    /// </summary>
    public static IQueryable<T> AuditedChangesSince<T>(IQueryable<T> rows, StalkingProtectionDbContext db, string recordType, DateTimeOffset? since,
        Expression<Func<T, Guid>> id)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(id);
        if (since is not { } instant)
        {
            return rows;
        }

        var changed = db.AuditEntries
            .Where(e => e.RecordType == recordType && e.OccurredAt >= instant && (e.Kind == AuditKind.Collection || e.Kind == AuditKind.Alteration))
            .Select(e => e.RecordId);

        // The audit log writes ids as lower-case text; ToLower becomes SQL lower(), which has no culture.
        var text = Expression.Call(Expression.Call(id.Body, typeof(Guid).GetMethod(nameof(Guid.ToString), Type.EmptyTypes)!),
            typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!);
        var named = Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(string)], changed.Expression, text);
        return rows.Where(Expression.Lambda<Func<T, bool>>(named, id.Parameters));
    }

    /// <summary>
    /// One page of <paramref name="ordered"/> (already sorted and beyond the cursor), the next page's address when there are
    /// more rows, and the consultation the page is, naming its filters and how many rows it returned.
    /// </summary>
    public async Task<(List<T> Items, string? Next)> PageAsync<T>(HttpContext http, AuditLog audit, IQueryable<T> ordered, Func<T, (object Key, Guid Id)> position,
        AuditAction action, string filters)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(position);
        var page = await ordered.Take(Take + 1).ToListAsync(http.RequestAborted);
        string? next = null;
        if (page.Count > Take)
        {
            page.RemoveAt(Take);
            var (key, id) = position(page[^1]);
            next = Address(http, "cursor", WriteCursor(key, id));
        }

        await RecordPageAsync(http, audit, action, filters, page.Count);
        return (page, next);
    }

    /// <summary>This request's address with <paramref name="parameter"/> set to <paramref name="cursor"/>, the other parameters kept.</summary>
    public static string Address(HttpContext http, string parameter, string cursor)
    {
        ArgumentNullException.ThrowIfNull(http);
        var query = http.Request.Query.Where(q => q.Key != parameter).ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        query[parameter] = cursor;
        return QueryHelpers.AddQueryString(http.Request.Path, query);
    }

    /// <summary>The consultation a page is (DPA 2018 s.62): its filters, whether it went on from a cursor, and how many rows it returned.</summary>
    public Task RecordPageAsync(HttpContext http, AuditLog audit, AuditAction action, string filters, int rows)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(audit);
        var description = $"{filters}; cursor={(CursorGiven ? "given" : "")}; rows={rows}";
        return audit.RecordConsultationAsync(http.User.ToActor(), action.For(null, description), http.RequestAborted);
    }
}
