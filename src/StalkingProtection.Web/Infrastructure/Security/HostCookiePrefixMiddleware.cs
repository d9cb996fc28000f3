using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.Features;

namespace StalkingProtection.Web.Infrastructure.Security;

/// <summary>
/// ASVS V3.3.1 and V3.3.3: over HTTPS (directly, or forwarded by a trusted proxy: see <see cref="ProxyOptions"/>) every
/// cookie the service sets (session, antiforgery, report journey, flash) is named <c>__Host-…</c> and is Secure, host-only
/// and for path /, and only <c>__Host-</c> cookies are read, so a cookie planted by another host or over plain HTTP
/// cannot fix a session or an antiforgery token. Over plain HTTP (<c>dotnet run</c> in Development) browsers refuse
/// such cookies, so there the names carry no prefix. The rest of the service uses the plain names throughout.
/// </summary>
public sealed class HostCookiePrefixMiddleware(RequestDelegate next)
{
    public const string Prefix = "__Host-";

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.IsHttps)
        {
            var request = context.Features.Get<IRequestCookiesFeature>() ?? new RequestCookiesFeature(context.Features);
            var response = context.Features.Get<IResponseCookiesFeature>() ?? new ResponseCookiesFeature(context.Features);
            context.Features.Set<IRequestCookiesFeature>(new PrefixedRequestCookiesFeature(request));
            context.Features.Set<IResponseCookiesFeature>(new PrefixedResponseCookiesFeature(response));
        }

        return next(context);
    }

    private sealed class PrefixedRequestCookiesFeature(IRequestCookiesFeature inner) : IRequestCookiesFeature
    {
        private IRequestCookieCollection? _cookies;

        public IRequestCookieCollection Cookies
        {
            get => _cookies ??= new PrefixedRequestCookies(inner.Cookies);
            set => _cookies = value;
        }
    }

    private sealed class PrefixedRequestCookies(IRequestCookieCollection sent) : IRequestCookieCollection
    {
        private readonly Dictionary<string, string> _cookies = sent
            .Where(c => c.Key.StartsWith(Prefix, StringComparison.Ordinal))
            .GroupBy(c => c.Key[Prefix.Length..], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.OrdinalIgnoreCase);

        public string? this[string key] => _cookies.GetValueOrDefault(key);

        public int Count => _cookies.Count;

        public ICollection<string> Keys => _cookies.Keys;

        public bool ContainsKey(string key) => _cookies.ContainsKey(key);

        public bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _cookies.TryGetValue(key, out value);

        public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _cookies.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class PrefixedResponseCookiesFeature(IResponseCookiesFeature inner) : IResponseCookiesFeature
    {
        public IResponseCookies Cookies { get; } = new PrefixedResponseCookies(inner.Cookies);
    }

    private sealed class PrefixedResponseCookies(IResponseCookies inner) : IResponseCookies
    {
        public void Append(string key, string value) => inner.Append(Prefixed(key), value, HostOnly(new CookieOptions()));

        public void Append(string key, string value, CookieOptions options) => inner.Append(Prefixed(key), value, HostOnly(options));

        public void Append(ReadOnlySpan<KeyValuePair<string, string>> keyValuePairs, CookieOptions options)
        {
            foreach (var (key, value) in keyValuePairs)
            {
                Append(key, value, options);
            }
        }

        public void Delete(string key) => inner.Delete(Prefixed(key), HostOnly(new CookieOptions()));

        public void Delete(string key, CookieOptions options) => inner.Delete(Prefixed(key), HostOnly(options));

        private static string Prefixed(string key) => key.StartsWith(Prefix, StringComparison.Ordinal) ? key : Prefix + key;

        // What a browser requires of a __Host- cookie: Secure, no Domain, Path=/.
        private static CookieOptions HostOnly(CookieOptions options) => new(options) { Secure = true, Domain = null, Path = "/" };
    }
}
