using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace StalkingProtection.Web.Infrastructure.Security;

/// <summary>
/// ASVS V13.2.4, V13.2.5: the only hosts the service may call are those its settings name: the force identity
/// provider's authority, the telemetry collector and StalkingProtection:Outbound:AllowedHosts. Every HTTP client the
/// service makes, the identity provider's back channel included, refuses any other host before a connection is opened.
/// </summary>
public sealed class OutboundAllowlist
{
    public const string SectionName = "StalkingProtection:Outbound";

    private readonly ILogger _logger;

    public OutboundAllowlist(IOptions<SignInOptions> signIn, IConfiguration configuration, ILoggerFactory loggerFactory)
    {
        _logger = loggerFactory.CreateLogger(SecurityEvents.Category);
        var configured = configuration.GetSection($"{SectionName}:AllowedHosts").Get<List<string>>() ?? [];
        string?[] addresses = [signIn.Value.OpenIdConnect is { Enabled: true } oidc ? oidc.Authority : null, configuration["StalkingProtection:Telemetry:OtlpEndpoint"]];
        Hosts = addresses
            .Select(a => Uri.TryCreate(a, UriKind.Absolute, out var uri) ? uri.IdnHost : null)
            .OfType<string>()
            .Concat(configured.Select(h => h.Trim()))
            .Where(h => h.Length > 0)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlySet<string> Hosts { get; }

    public bool Allows(Uri address) => address.IsAbsoluteUri && Hosts.Contains(address.IdnHost);

    /// <summary>A handler that lets through only requests to the allowed hosts, then passes them to <paramref name="inner"/>.</summary>
    public DelegatingHandler CreateHandler(HttpMessageHandler? inner = null)
    {
        var handler = new OutboundAllowlistHandler(this, _logger);
        if (inner is not null)
        {
            handler.InnerHandler = inner;
        }

        return handler;
    }

    private sealed class OutboundAllowlistHandler(OutboundAllowlist allowlist, ILogger logger) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Check(request);
            return base.SendAsync(request, cancellationToken);
        }

        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Check(request);
            return base.Send(request, cancellationToken);
        }

        private void Check(HttpRequestMessage request)
        {
            if (request.RequestUri is { } address && allowlist.Allows(address))
            {
                return;
            }

            var host = request.RequestUri is { IsAbsoluteUri: true } uri ? uri.IdnHost : "(no host)";
            SecurityEvents.OutboundRequestRefused(logger, host);
            throw new HttpRequestException($"The request to {host} was refused: the host is not in the service's outbound allowlist ({SectionName}:AllowedHosts).");
        }
    }
}

public static class OutboundAllowlistServiceCollectionExtensions
{
    public static IServiceCollection AddOutboundAllowlist(this IServiceCollection services)
    {
        services.AddSingleton<OutboundAllowlist>();
        services.ConfigureHttpClientDefaults(client => client.AddHttpMessageHandler(sp => sp.GetRequiredService<OutboundAllowlist>().CreateHandler()));
        services.AddOptions<OpenIdConnectOptions>(OpenIdConnectSignIn.Scheme)
            .Configure<OutboundAllowlist>((o, allowlist) => o.BackchannelHttpHandler = allowlist.CreateHandler(new SocketsHttpHandler()));
        return services;
    }
}
