using System.Net;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests;

/// <summary>
/// S4: every staff page against every role. A new workspace page fails this test until it is added to the matrix,
/// so no page can ship without a decision about who may see it.
/// </summary>
/// <summary>One area's rows of the authorisation matrix: route without route values → the roles that may see it.</summary>
public interface IAuthorisationMatrixPart
{
    IReadOnlyDictionary<string, string[]> Routes { get; }
}

public sealed class FoundationMatrix : IAuthorisationMatrixPart
{
    public IReadOnlyDictionary<string, string[]> Routes { get; } = new Dictionary<string, string[]>
    {
        ["/workspace"] = [.. StaffRoles.All],
        ["/workspace/audit"] = [StaffRoles.Administrator],
        ["/account/two-factor"] = [.. StaffRoles.All],
    };
}

public class AuthorisationMatrixTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    /// <summary>Route → roles that get the page; every other role gets 403. Each area adds its own part.</summary>
    public static readonly Dictionary<string, string[]> Matrix = typeof(AuthorisationMatrixTests).Assembly.GetTypes()
        .Where(t => typeof(IAuthorisationMatrixPart).IsAssignableFrom(t) && !t.IsInterface)
        .SelectMany(t => ((IAuthorisationMatrixPart)Activator.CreateInstance(t)!).Routes)
        .ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);

    public static TheoryData<string, string> RouteAndRole()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in Matrix.Keys)
        {
            foreach (var role in StaffRoles.All)
            {
                data.Add(route, role);
            }
        }

        return data;
    }

    [Fact]
    public void S4_EveryStaffPageWithoutRouteValues_IsInTheMatrix()
    {
        // Arrange
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

        // Act
        var staffPages = endpoints
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => (r.StartsWith("/workspace", StringComparison.OrdinalIgnoreCase) || r.StartsWith("/account", StringComparison.OrdinalIgnoreCase))
                && !r.Contains('{', StringComparison.Ordinal) && !r.EndsWith("/index", StringComparison.OrdinalIgnoreCase))
            .Distinct()
            .ToList();

        // Assert
        Assert.NotEmpty(staffPages);
        Assert.All(staffPages, route => Assert.True(Matrix.ContainsKey(route), $"{route} is not in the authorisation matrix."));
    }

    [Theory]
    [MemberData(nameof(RouteAndRole))]
    public async Task S4_StaffPage_AnswersOnlyTheRolesAllowed(string route, string role)
    {
        // Arrange
        var user = await factory.CreateUserAsync(role);
        var client = factory.CreateBrowser(user);

        // Act
        var response = await client.GetAsync(route);

        // Assert
        var expected = Matrix[route].Contains(role) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
        Assert.Equal(expected, response.StatusCode);
    }

    public static TheoryData<string, string> RouteAndRefusedRole()
    {
        var data = new TheoryData<string, string>();
        foreach (var (route, roles) in Matrix)
        {
            foreach (var role in StaffRoles.All.Except(roles))
            {
                data.Add(route, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RouteAndRefusedRole))]
    public async Task S4_StaffPage_RefusesAPostFromARoleNotAllowed(string route, string role)
    {
        // Arrange
        var user = await factory.CreateUserAsync(role);
        var client = factory.CreateBrowser(user);

        // Act
        var response = await client.PostAsync(route, new FormUrlEncodedContent(new Dictionary<string, string>()));

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AnonymousRoutes))]
    public async Task S4_StaffPage_SignedOut_RedirectsToSignIn(string route)
    {
        // Arrange
        var client = factory.CreateBrowser();

        // Act
        var response = await client.GetAsync(route);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/sign-in", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    public static TheoryData<string> AnonymousRoutes() => new(Matrix.Keys);

    [Fact]
    public async Task Forbidden_ShowsTheFriendlyAccessPage()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Officer);
        var client = factory.CreateBrowser(user);

        // Act
        var response = await client.GetAsync("/workspace/audit");
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("You do not have access to this page", document.HeadingText());
    }
}
