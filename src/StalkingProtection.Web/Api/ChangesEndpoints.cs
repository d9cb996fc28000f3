using StalkingProtection.Core.Auditing;

namespace StalkingProtection.Web.Api;

/// <summary>One change in the feed: its cursor, the record and what was done to it, and when; never the values.</summary>
public sealed record ChangeResponse(string Cursor, string RecordType, string RecordId, AuditKind Kind, string Action, DateTimeOffset OccurredAt);

/// <summary>A page of the change feed; <c>Next</c> is always the address to ask next, and <c>More</c> says whether it has changes already.</summary>
public sealed record ChangeFeedResponse(IReadOnlyList<ChangeResponse> Items, string Next, bool More);

/// <summary>
/// The change feed a force's records system keeps in step by: every record created or changed after a cursor, in
/// the order the audit chain seals them, with no gaps or repeats (<see cref="ChangeFeed"/>). Each page is a consultation.
/// </summary>
public static class ChangesEndpoints
{
    public static RouteGroupBuilder MapChanges(this RouteGroupBuilder api)
    {
        api.MapGet("/changes", ListChangesAsync)
            .Read<ChangeFeedResponse>("ListChanges",
                "List the records created or changed after ?since= (a cursor from this feed; from the start without it), in commit order, "
                + "50 to a page (?limit= up to 100): each the record's type and id, the kind of change, the action and the instant, never the values. "
                + "\"next\" is always the address to ask next; \"more\" is true when it already has changes. A change appears about a minute after "
                + "it is made, once the audit chain has sealed it.");
        return api;
    }

    private static async Task<IResult> ListChangesAsync(string? since, string? limit, HttpContext http, AuditLog audit, ChangeFeed feed)
    {
        var list = ApiList.ReadPosition("since", since, limit);
        if (list.Problem is { } problem)
        {
            return problem;
        }

        // API clients are force systems: the feed names the records of every team, as the other lists do.
        var page = await feed.ReadAsync(list.AfterPosition, list.Take + 1, http.RequestAborted);
        var more = page.Count > list.Take;
        if (more)
        {
            page.RemoveAt(list.Take);
        }

        var last = page.Count == 0 ? list.AfterPosition : page[^1].Position;
        await list.RecordPageAsync(http, audit, AuditEvents.Api.ChangesListed, $"after={list.AfterPosition}", page.Count);
        return Results.Ok(new ChangeFeedResponse(
            page.Select(c => new ChangeResponse(ApiList.WritePosition(c.Position), c.RecordType, c.RecordId, c.Kind, c.Action, c.OccurredAt)).ToList(),
            ApiList.Address(http, "since", ApiList.WritePosition(last)),
            more));
    }
}
