using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace StalkingProtection.Web.Infrastructure;

/// <summary>
/// The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto headers are believed, so that rate limits count the
/// client's address and cookies are Secure when the client used HTTPS. Nothing is trusted unless listed here.
/// </summary>
public sealed class ProxyOptions
{
    public const string SectionName = "StalkingProtection:Proxy";

    /// <summary>Addresses of the proxies in front of the service, e.g. 10.0.0.5.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies are in, in CIDR notation, e.g. 10.0.0.0/24.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies a request passes through before the service.</summary>
    public int ForwardLimit { get; set; } = 1;

    public static IEnumerable<string> Validate(ProxyOptions options)
    {
        foreach (var proxy in options.KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return $"{SectionName}:KnownProxies: {proxy} is not an IP address.";
        }

        foreach (var network in options.KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
        {
            yield return $"{SectionName}:KnownNetworks: {network} is not a network in CIDR notation (e.g. 10.0.0.0/24).";
        }

        if (options.ForwardLimit < 1)
        {
            yield return $"{SectionName}:ForwardLimit must be at least 1.";
        }
    }

    public void ApplyTo(ForwardedHeadersOptions forwarded)
    {
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        forwarded.ForwardLimit = ForwardLimit;
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var proxy in KnownProxies)
        {
            forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in KnownNetworks)
        {
            forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }
}
