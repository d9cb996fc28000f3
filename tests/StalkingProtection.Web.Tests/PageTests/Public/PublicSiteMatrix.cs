using StalkingProtection.Core.Staff;

namespace StalkingProtection.Web.Tests.PageTests.Public;

/// <summary>The public site's one staff page: feedback on the website holds no case data, so every role may read it.</summary>
public sealed class PublicSiteMatrix : IAuthorisationMatrixPart
{
    public IReadOnlyDictionary<string, string[]> Routes { get; } = new Dictionary<string, string[]>
    {
        ["/workspace/feedback"] = [.. StaffRoles.All],
    };
}
