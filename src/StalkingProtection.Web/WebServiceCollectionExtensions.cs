using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using StalkingProtection.Core;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure;
using StalkingProtection.Web.Infrastructure.GovUk;
using StalkingProtection.Web.Infrastructure.Health;
using StalkingProtection.Web.Infrastructure.Routing;
using StalkingProtection.Web.Infrastructure.Security;
using StalkingProtection.Web.Infrastructure.Startup;
using StalkingProtection.Web.Pages.Public;

namespace StalkingProtection.Web;

public static class WebServiceCollectionExtensions
{
    public static WebApplicationBuilder AddStalkingProtectionCore(this WebApplicationBuilder builder)
    {
        SecretFiles.AddTo(builder.Configuration);
        SecretFiles.CheckRequired(builder.Configuration);

        // Development applies migrations itself so that `dotnet run` works on a fresh clone.
        if (builder.Environment.IsDevelopment() && builder.Configuration[$"{DatabaseOptions.SectionName}:ApplyMigrationsOnStartup"] is null)
        {
            builder.Configuration[$"{DatabaseOptions.SectionName}:ApplyMigrationsOnStartup"] = "true";
        }

        builder.Services.AddStalkingProtectionCore(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddStalkingProtectionDomain();
        builder.Services.AddOptions<Core.Import.TrackerImportOptions>().Bind(builder.Configuration.GetSection(Core.Import.TrackerImportOptions.SectionName));
        builder.Services.AddOptions<VictimContactOptions>().Bind(builder.Configuration.GetSection(VictimContactOptions.SectionName))
            .Validate(o => HasKeyOfAtLeast32Bytes(o.SearchHashKey),
                "StalkingProtection:VictimContact:SearchHashKey must be a base64 key of at least 32 bytes, kept outside the database.")
            .ValidateOnStart();
        return builder;
    }

    public static WebApplicationBuilder AddStalkingProtectionWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        builder.Host.UseDefaultServiceProvider(o =>
        {
            o.ValidateOnBuild = true;
            o.ValidateScopes = true;
        });

        services.AddOptions<WebOptions>().Bind(configuration.GetSection(WebOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebOptions>>(new DelegateValidator<WebOptions>(WebOptions.Validate));
        services.AddOptions<Infrastructure.Security.SignInOptions>().Bind(configuration.GetSection(Infrastructure.Security.SignInOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<Infrastructure.Security.SignInOptions>>(
            new DelegateValidator<Infrastructure.Security.SignInOptions>(Infrastructure.Security.SignInOptions.Validate));

        services.AddDataProtection()
            .SetApplicationName("StalkingProtection")
            .PersistKeysToDbContext<StalkingProtectionDbContext>();
        services.AddKeyProtection(configuration, builder.Environment, DataFolder(builder));

        services.AddOptions<ProxyOptions>().Bind(configuration.GetSection(ProxyOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProxyOptions>>(new DelegateValidator<ProxyOptions>(ProxyOptions.Validate));
        services.AddOptions<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((o, proxy) => proxy.Value.ApplyTo(o));
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);

        AddIdentity(services, configuration);

        services.AddAuthorization(options =>
        {
            Policies.Add(options);
            Api.ApiEndpoints.AddPolicies(options);
        });
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, Api.ApiKeyAuthenticationHandler>(
            Api.ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddScoped<Api.IdempotencyFilter>();
        services.AddScoped<CalendarFeedTokens>();
        services.AddScoped<Infrastructure.Demo.DemoDataSeeder>();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new() { Title = "Stalking Protection API", Version = "v1", Description = "Cases, applications, orders, service, notifications and breaches under the Stalking Protection Act 2019. Authenticate with `Authorization: Bearer <key>`. Errors are RFC 9457 problem details listing each broken rule by ID and field." };
            return Task.CompletedTask;
        }).AddSchemaTransformer(Api.ApiSchemas.ListEnumValuesAsync));
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            o.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        });
        services.AddRazorPages(options =>
        {
            options.Conventions.Add(new KebabCaseRouteConvention());
            options.Conventions.AuthorizeFolder("/Workspace", Policies.Staff);
            options.Conventions.AuthorizeFolder("/Workspace/Audit", Policies.Administrator);
            options.Conventions.AuthorizeFolder("/Workspace/Staff", Policies.Administrator);
            options.Conventions.AuthorizeFolder("/Workspace/ApiClients", Policies.Administrator);
            foreach (var caseWork in (string[])["Cases", "Orders", "Applications", "Breaches", "Triage", "People"])
            {
                // Case content is for the case roles; the journey engine carries no policy of its own, so that administrators' journeys use it too.
                options.Conventions.AuthorizeFolder("/Workspace/" + caseWork, Policies.CaseWork);
            }

            options.Conventions.AuthorizeFolder("/Account", Policies.Staff);
            options.Conventions.AllowAnonymousToFolder("/Public");
            options.Conventions.AllowAnonymousToFolder("/SignIn");
        });
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o =>
        {
            o.Filters.Add<Infrastructure.Security.AntiforgeryRejectionLogFilter>();
            o.Filters.Add<Infrastructure.Errors.TamperedFormStateFilter>();
        });
        services.AddGovUkComponents();
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "sp-antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.HeaderName = "X-CSRF-TOKEN";
        });

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [DatabaseHealthCheck.Tag]);
        services.AddProblemDetails();

        services.AddResponseCompression(o =>
        {
            // Static assets only: compressing pages that echo user input alongside secrets invites BREACH.
            o.EnableForHttps = true;
            o.MimeTypes = ["text/css", "application/javascript", "text/javascript", "image/svg+xml"];
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });

        services.AddCallerRateLimit(configuration);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = Infrastructure.Security.CallerRateLimit.Limiter();
            o.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
            o.AddPolicy("sign-in", context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = context.RequestServices.GetRequiredService<IOptions<Infrastructure.Security.SignInOptions>>().Value.PostsPerMinutePerAddress,
                        Window = TimeSpan.FromMinutes(1),
                    })
                : RateLimitPartition.GetNoLimiter("read"));
            CostlyWork.AddPolicy(o);
        });

        services.AddPublicSite(configuration);

        services.AddOutboundAllowlist();
        // GOV.UK Notify is called through the factory, so the allowlist applies: its host goes in StalkingProtection:Outbound:AllowedHosts.
        services.AddHttpClient<Core.VictimUpdates.NotifyChannel>();
        AddTelemetry(services, configuration);
        return builder;
    }

    private static void AddIdentity(IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentity<StaffUser, IdentityRole<Guid>>(o =>
            {
                // NCSC: length over complexity; the deny list is in NcscPasswordValidator.
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Password.RequiredLength = NcscPasswordValidator.MinimumLength;
                o.User.RequireUniqueEmail = true;

                // Per-account lockout is a backstop against a distributed attack only: it lifts by itself after
                // 15 minutes, and the per-address SignInThrottle is what slows an attacker down.
                o.Lockout.MaxFailedAccessAttempts = 50;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<StalkingProtectionDbContext>()
            .AddUserStore<StaffUserStore>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddPasswordValidator<NcscPasswordValidator>()
            .AddPasswordValidator<BreachedPasswordValidator>()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>();

        // OWASP Password Storage Cheat Sheet: PBKDF2-HMAC-SHA512 at 210,000 iterations. Older hashes are rehashed at
        // the next successful sign-in (UserManager does so when the stored count is lower).
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        services.AddSingleton<BreachedPasswordList>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/sign-in";
            o.LogoutPath = "/sign-out";
            o.AccessDeniedPath = "/error/403";
            o.Cookie.Name = "sp-session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.Events.OnSigningIn = StaffSessionEvents.SigningInAsync;
            o.Events.OnValidatePrincipal = StaffSessionEvents.ValidatePrincipalAsync;
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToLogin = context =>
            {
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                }
                else
                {
                    context.Response.Redirect(context.RedirectUri);
                }

                return Task.CompletedTask;
            };
        });
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<Infrastructure.Security.SignInOptions>>((o, signIn) => o.ExpireTimeSpan = signIn.Value.IdleTimeout);

        var signIn = configuration.GetSection(Infrastructure.Security.SignInOptions.SectionName).Get<Infrastructure.Security.SignInOptions>();
        if (signIn?.OpenIdConnect is { Enabled: true } oidc)
        {
            services.AddAuthentication().AddOpenIdConnect(OpenIdConnectSignIn.Scheme, oidc.DisplayName, o =>
            {
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.Authority = oidc.Authority;
                o.ClientId = oidc.ClientId;
                o.ClientSecret = oidc.ClientSecret;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.CallbackPath = "/sign-in/oidc-callback";
                o.SignedOutCallbackPath = "/sign-out/oidc-callback";
                o.Scope.Clear();
                o.Scope.Add("openid");
                o.Scope.Add("profile");
                o.Scope.Add("email");
                o.MapInboundClaims = false;
                o.TokenValidationParameters.NameClaimType = "name";
                o.TokenValidationParameters.RoleClaimType = oidc.RoleClaimType;

                // The handler drops acr by default; the sign-in needs it to check the strength the force requires.
                o.ClaimActions.Remove("acr");
            });
        }
    }

    private static void AddTelemetry(IServiceCollection services, IConfiguration configuration)
    {
        var endpoint = configuration["StalkingProtection:Telemetry:OtlpEndpoint"];
        var telemetry = services.AddOpenTelemetry()
            .WithTracing(t => t.AddAspNetCoreInstrumentation(o => o.RecordException = false))
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddRuntimeInstrumentationIfAvailable());
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            services.ConfigureOpenTelemetryTracerProvider(t => t.AddOtlpExporter(o => o.Endpoint = new Uri(endpoint)));
            services.ConfigureOpenTelemetryMeterProvider(m => m.AddOtlpExporter(o => o.Endpoint = new Uri(endpoint)));
        }

        _ = telemetry;
    }

    private static string DataFolder(WebApplicationBuilder builder)
    {
        var folder = builder.Configuration[$"{DatabaseOptions.SectionName}:DataDirectory"] is { Length: > 0 } configured ? configured : "App_Data";
        return Path.IsPathRooted(folder) ? folder : Path.Combine(builder.Environment.ContentRootPath, folder);
    }

    private static bool HasKeyOfAtLeast32Bytes(string key)
    {
        var bytes = new byte[key.Length];
        return Convert.TryFromBase64String(key, bytes, out var length) && length >= 32;
    }

    private static MeterProviderBuilder AddRuntimeInstrumentationIfAvailable(this MeterProviderBuilder builder) =>
        builder.AddMeter("System.Runtime", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel");

    private sealed class DelegateValidator<T>(Func<T, IEnumerable<string>> validate) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var failures = validate(options).ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}

public static class OpenIdConnectSignIn
{
    public const string Scheme = "force-idp";

    /// <summary>Maps the identity provider's group or role claims to our roles (unknown groups give no role).</summary>
    public static IReadOnlyList<string> MapRoles(ClaimsPrincipal external, OpenIdConnectSettings settings) =>
        external.FindAll(settings.RoleClaimType)
            .Select(c => settings.RoleMap.TryGetValue(c.Value, out var role) ? role : null)
            .OfType<string>()
            .Distinct()
            .ToList();

    /// <summary>
    /// ASVS V6.8.4: whether the provider says the person signed in as strongly as the force requires (one of the
    /// accepted <c>acr</c> values, and one of the accepted <c>amr</c> values, "mfa" unless configured otherwise).
    /// </summary>
    public static bool HasRequiredStrength(ClaimsPrincipal external, OpenIdConnectSettings settings)
    {
        var acrMet = settings.AcceptedAcr.Count == 0
            || external.FindAll("acr").Any(c => settings.AcceptedAcr.Contains(c.Value, StringComparer.Ordinal));
        var amrMet = settings.RequiredAmr.Count == 0
            || external.FindAll("amr").Any(c => settings.RequiredAmr.Contains(c.Value, StringComparer.Ordinal));
        return acrMet && amrMet;
    }
}
