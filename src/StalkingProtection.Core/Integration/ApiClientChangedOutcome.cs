using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Integration;

/// <summary>What a change to an API client did.</summary>
public enum ApiClientChange
{
    TeamChanged,
    TeamUnchanged,
    Revoked,
}

/// <summary>
/// What changing an API client's team or revoking it did: the client as <see cref="ApiClient.ChangeTeam"/> or <see cref="ApiClient.Revoke"/>
/// left it (the team whose cases it sees, or the moment its keys stopped working). Pages show the words from <see cref="Explain"/>.
/// </summary>
public sealed class ApiClientChangedOutcome
{
    private ApiClientChangedOutcome(ApiClientChange change, ApiClient client)
    {
        Change = change;
        ClientId = client.Id;
        Name = client.Name;
        Team = client.Team;
        RevokedAt = client.RevokedAt;
    }

    public ApiClientChange Change { get; }

    public Guid ClientId { get; }

    public string Name { get; }

    /// <summary>The team whose cases alone the client sees; null for the whole force's.</summary>
    public string? Team { get; }

    public DateTimeOffset? RevokedAt { get; }

    internal static ApiClientChangedOutcome TeamChanged(ApiClient client, bool changed) =>
        new(changed ? ApiClientChange.TeamChanged : ApiClientChange.TeamUnchanged, client);

    internal static ApiClientChangedOutcome Revoked(ApiClient client) => new(ApiClientChange.Revoked, client);

    /// <summary>The outcome in plain English.</summary>
    public string Explain()
    {
        if (Change == ApiClientChange.Revoked)
        {
            return $"{Name} revoked: its keys are refused from {DateWords.At(RevokedAt!.Value)}.";
        }

        var sees = Team is null ? "the cases of the whole force" : $"only the cases of {Team}";
        return Change == ApiClientChange.TeamChanged ? $"{Name} now sees {sees}." : $"{Name} already saw {sees}: nothing changed.";
    }
}
