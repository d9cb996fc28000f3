namespace StalkingProtection.Core.Auditing;

/// <summary>Who is acting, carried from the page or API into the service that writes the audit entry.</summary>
public sealed record Actor(string Id, string Name, string? Role, string? Team = null)
{
    public static Actor System { get; } = new("system", "Stalking Protection", null);
}
