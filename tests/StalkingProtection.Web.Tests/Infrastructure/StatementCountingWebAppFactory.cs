using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using StalkingProtection.Core.Data;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Web.Tests.Infrastructure;

/// <summary>The web app with a <see cref="StatementCounter"/> on its database context, for either provider.</summary>
public sealed class StatementCountingWebAppFactory : WebAppFactory
{
    public StatementCounter Statements { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<SqliteStalkingProtectionDbContext>(o => o.AddInterceptors(Statements));
            services.ConfigureDbContext<PostgresStalkingProtectionDbContext>(o => o.AddInterceptors(Statements));
        });
    }
}
