using StalkingProtection.Core.Staff;

namespace StalkingProtection.Web.Tests.PageTests.Public;

/// <summary>The public site's one staff page: free-text feedback may name people, so only coordinators and administrators read it.</summary>
public sealed class PublicSiteMatrix : IAuthorisationMatrixPart
{
    public IReadOnlyDictionary<string, string[]> Routes { get; } = new Dictionary<string, string[]>
    {
        ["/workspace/feedback"] = [StaffRoles.Coordinator, StaffRoles.Administrator],
    };
}
