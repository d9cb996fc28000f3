using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Integration;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Tests.Infrastructure;
using StalkingProtection.Web.Tests.PageTests.SignIn;

namespace StalkingProtection.Web.Tests.PageTests;

/// <summary>
/// RL2 in the web layer: while the database cannot be reached, a signed-in member of staff, an API client and the public
/// site get 503 and "the service is unavailable", never a blank 500 or a stack trace, and carry on once it is back. The
/// database is taken away by failing every statement with what Npgsql raises when the server refuses connections;
/// PostgresKillDrillTests kills a real server.
/// </summary>
public class DatabaseUnavailableTests(DatabaseUnavailableTests.DatabaseDownAppFactory factory) : IClassFixture<DatabaseUnavailableTests.DatabaseDownAppFactory>
{
    [Fact]
    public async Task RL2_DatabaseDown_ASignedInStaffPage_Answers503TheServiceIsUnavailable_AndTheSessionWorksOnceItIsBack()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Officer, password: StaffSignIn.Password);
        var browser = factory.CreateBrowser();
        await factory.EnrolAsync(browser, user);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/workspace/cases")).StatusCode);

        // Act
        HttpResponseMessage down;
        string html;
        using (factory.DatabaseDown())
        {
            down = await browser.GetAsync("/workspace/cases");
            html = await down.Content.ReadAsStringAsync();
        }

        var back = await browser.GetAsync("/workspace/cases");

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal("5", down.Headers.RetryAfter?.ToString());
        Assert.Contains("Sorry, the service is unavailable", html, StringComparison.Ordinal);
        Assert.DoesNotContain("NpgsqlException", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }

    [Fact]
    public async Task RL2_DatabaseDown_AnApiCall_Answers503ProblemDetails_AndWorksOnceItIsBack()
    {
        // Arrange
        string key;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            (_, key) = await scope.ServiceProvider.GetRequiredService<ApiClientService>().CreateAsync($"Test {Guid.NewGuid():N}", ApiScope.Read, Actor.System);
        }

        var api = factory.CreateBrowser();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        // Act
        HttpResponseMessage down;
        string body;
        using (factory.DatabaseDown())
        {
            down = await api.GetAsync("/api/v1/cases");
            body = await down.Content.ReadAsStringAsync();
        }

        var back = await api.GetAsync("/api/v1/cases");

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal("application/problem+json", down.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":503", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Npgsql", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }

    [Fact]
    public async Task RL2_DatabaseDown_TheReadinessProbe_Answers503()
    {
        // Arrange
        var probe = factory.CreateBrowser();

        // Act
        HttpResponseMessage down;
        using (factory.DatabaseDown())
        {
            down = await probe.GetAsync("/health/ready");
        }

        var back = await probe.GetAsync("/health/ready");

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }

    public sealed class DatabaseDownAppFactory : WebAppFactory
    {
        private readonly RefusedConnections _refused = new();

        /// <summary>Every statement fails as it would with the server down, until the answer is disposed.</summary>
        public IDisposable DatabaseDown()
        {
            _refused.Down = true;
            return new Restore(_refused);
        }

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.ConfigureDbContext<SqliteStalkingProtectionDbContext>(o => o.AddInterceptors(_refused));
                services.ConfigureDbContext<PostgresStalkingProtectionDbContext>(o => o.AddInterceptors(_refused));
            });
        }

        private sealed class Restore(RefusedConnections refused) : IDisposable
        {
            public void Dispose() => refused.Down = false;
        }
    }

    private sealed class RefusedConnections : DbCommandInterceptor
    {
        public volatile bool Down;

        private void ThrowWhenDown()
        {
            if (Down)
            {
                throw new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));
            }
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            ThrowWhenDown();
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            ThrowWhenDown();
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            ThrowWhenDown();
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            ThrowWhenDown();
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            ThrowWhenDown();
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
            CancellationToken cancellationToken = default)
        {
            ThrowWhenDown();
            return ValueTask.FromResult(result);
        }
    }
}
