using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Staff;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;
using StalkingProtection.Web.Tests.PageTests.SignIn;
using StalkingProtection.Web.Tests.PageTests.Workspace.Orders;

namespace StalkingProtection.Web.Tests.PageTests;

/// <summary>
/// S9 for pages: every page that takes a POST is found in the routing table, opened (signed in as the first role it answers,
/// on real records from the record page tables), and each field of each form is posted with hostile values. Every answer is
/// the page again (an error summary names only fields on the page), a redirect, or the 400 page; never a 500, a stack trace
/// or the input reflected unescaped. Later steps of a journey are reached by submitting the step before with plausible values.
/// Each run samples a few values per field with a fixed seed; STALKING_PROTECTION_FORM_SWEEP=all or release mode
/// (STALKING_PROTECTION_RELEASE=1) posts the whole matrix.
/// </summary>
public class FormSweepTests(FormSweepTests.SweepFactory factory) : IClassFixture<FormSweepTests.SweepFactory>
{
    private const string Marker = "<script>sp-sweep</script>";
    private const string Token = "__RequestVerificationToken";
    private const int SampledValuesPerField = 3;
    private const string OrderJourneys = "/Workspace/Orders/";

    private static readonly bool _all = ReleaseMode.On || string.Equals(Environment.GetEnvironmentVariable("STALKING_PROTECTION_FORM_SWEEP"), "all", StringComparison.OrdinalIgnoreCase);

    private static readonly string[] _roleOrder =
        [StaffRoles.Coordinator, StaffRoles.Officer, StaffRoles.LegalServices, StaffRoles.Lookup, StaffRoles.Analyst, StaffRoles.Administrator];

    private static readonly (string Name, string Value)[] _hostileText =
    [
        ("empty", ""),
        ("whitespace only", "   \t "),
        ("one character", "x"),
        ("100,000 characters", new string('a', 100_000)),
        ("right-to-left and zero-width", "\u202Eevil\u200B\u200C\u200D\uFEFFname\u202C"),
        ("HTML and script", Marker + "<b onmouseover=alert(1)>x</b>"),
        ("SQL", "' OR '1'='1'; DROP TABLE cases; --"),
        ("negative number", "-1"),
        ("huge number", "99999999999999999999999999"),
        ("unknown option", "sp-unknown-option"),
    ];

    private static readonly (string Name, string Day, string Month, string Year)[] _hostileDates =
    [
        ("31 February", "31", "2", "2026"),
        ("0/0/0", "0", "0", "0"),
        ("year 10000", "1", "1", "10000"),
        ("negative", "-1", "-1", "-1"),
    ];

    [Fact]
    public async Task S9_EveryPageWithAForm_IsSwept()
    {
        // Arrange
        var sweep = await factory.SweepAsync();

        // Act
        var notSwept = sweep.PagesWithAForm.Where(p => !sweep.Swept.Contains(p.Key)).Select(p => $"{p.Key}: {p.Value}").ToList();

        // Assert
        Assert.NotEmpty(sweep.Swept);
        Assert.True(notSwept.Count == 0, string.Join(Environment.NewLine, notSwept));
    }

    [Fact]
    public async Task S9_EveryFormField_HostileValues_AnswerThePageWithErrorsARedirectOr400_Never500()
    {
        // Arrange
        var sweep = await factory.SweepAsync();

        // Act
        var failures = sweep.Failures.Where(f => !SweepResult.IsOrderJourney(f.Page)).Select(f => f.Failure).ToList();

        // Assert
        Assert.True(sweep.Posts > sweep.Swept.Count, $"Only {sweep.Posts} posts for {sweep.Swept.Count} pages.");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>
    /// The same rule for the order journeys: a hostile value in an answer the journey carries in a hidden field must not
    /// come back as an error naming a field that is not on the page.
    /// </summary>
    [Fact]
    public async Task S9_OrderJourneys_HostileValuesIncludingAnswersCarriedInHiddenFields_AnswerThePageWithErrorsARedirectOr400_Never500()
    {
        // Arrange
        var sweep = await factory.SweepAsync();

        // Act
        var swept = sweep.Swept.Count(SweepResult.IsOrderJourney);
        var failures = sweep.Failures.Where(f => SweepResult.IsOrderJourney(f.Page)).Select(f => f.Failure).ToList();

        // Assert
        Assert.True(swept > 0, "No order journey was swept.");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    public sealed record SweepResult(IReadOnlyDictionary<string, string> PagesWithAForm, IReadOnlySet<string> Swept, IReadOnlyList<(string Page, string Failure)> Failures, int Posts)
    {
        /// <summary>The order journeys under Workspace/Orders, reported on their own so that the rest of the site's answer stands apart.</summary>
        public static bool IsOrderJourney(string page) => page.StartsWith(OrderJourneys, StringComparison.Ordinal);
    }

    /// <summary>The app, with each response naming the Razor page that answered it so the sweep knows where it landed.</summary>
    public sealed class SweepFactory : WebAppFactory
    {
        public const string PageHeader = "X-Test-Page";
        private readonly SemaphoreSlim _gate = new(1, 1);
        private SweepResult? _result;

        public async Task<SweepResult> SweepAsync()
        {
            await _gate.WaitAsync();
            try
            {
                return _result ??= await new Sweeper(this).RunAsync();
            }
            finally
            {
                _gate.Release();
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);

            // The sweep posts hundreds of forms from one address; the public rate limits have tests of their own.
            builder.UseSetting("StalkingProtection:PublicSite:FormSubmissionsPerAddress", "100000");
            builder.UseSetting("StalkingProtection:PublicSite:SendsPerReport", "100000");

            // With optional cookies the cookie page and banner have their forms.
            builder.UseSetting("StalkingProtection:PublicSite:OptionalCookies", "true");
            builder.ConfigureTestServices(s => s.AddTransient<IStartupFilter, PageHeaderStartupFilter>());
        }

        public override async ValueTask DisposeAsync()
        {
            _gate.Dispose();
            await base.DisposeAsync();
            GC.SuppressFinalize(this);
        }

        private sealed class PageHeaderStartupFilter : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((context, nextMiddleware) =>
                {
                    context.Response.OnStarting(() =>
                    {
                        if (context.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
                        {
                            context.Response.Headers[PageHeader] = page.ViewEnginePath;
                        }

                        return Task.CompletedTask;
                    });
                    return nextMiddleware(context);
                });
                next(app);
            };
        }
    }

    private sealed class Sweeper(SweepFactory factory)
    {
        private readonly HashSet<string> _swept = new(StringComparer.Ordinal);
        private readonly HashSet<string> _formsSwept = new(StringComparer.Ordinal);
        private readonly List<(TemplateMatcher Matcher, int Parameters, string Page)> _routes = [];
        private readonly HashSet<string> _tokenless = new(StringComparer.Ordinal);
        private Dictionary<string, string> _pages = [];
        private readonly List<(string Page, string Failure)> _failures = [];
        private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);
        private int _posts;

        public async Task<SweepResult> RunAsync()
        {
            var pages = _pages = await PagesWithAFormAsync();
            var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (page, route) in pages.OrderBy(p => p.Value, StringComparer.Ordinal))
            {
                if (_swept.Contains(page))
                {
                    continue;
                }

                reasons[page] = await OpenAndSweepAsync(page, route);
            }

            return new SweepResult(
                pages.Keys.ToDictionary(p => p, p => reasons.GetValueOrDefault(p) ?? "not reached", StringComparer.Ordinal),
                _swept, _failures, _posts);
        }

        /// <summary>Every Razor page with a POST handler, by its page path, with its route (the shortest, not ".../index").</summary>
        private async Task<Dictionary<string, string>> PagesWithAFormAsync()
        {
            var loader = factory.Services.GetRequiredService<PageLoader>();
            var pages = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
            {
                if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor)
                {
                    continue;
                }

                var compiled = endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() ?? await loader.LoadAsync(descriptor, endpoint.Metadata);
                // The error page takes a POST only because the status-code page re-executes a failed POST; it has no form.
                if (!compiled.HandlerMethods.Any(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)) || descriptor.ViewEnginePath == "/Public/Error")
                {
                    continue;
                }

                if (compiled.ModelTypeInfo?.IsDefined(typeof(IgnoreAntiforgeryTokenAttribute), inherit: true) == true)
                {
                    _tokenless.Add(descriptor.ViewEnginePath);
                }

                var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
                var template = TemplateParser.Parse(endpoint.RoutePattern.RawText!.TrimStart('/'));
                _routes.Add((new TemplateMatcher(template, []), template.Parameters.Count, descriptor.ViewEnginePath));
                if (!pages.TryGetValue(descriptor.ViewEnginePath, out var known) || route.Length < known.Length)
                {
                    pages[descriptor.ViewEnginePath] = route;
                }
            }

            return pages;
        }

        private async Task<string> OpenAndSweepAsync(string page, string route)
        {
            string url;
            try
            {
                url = await UrlAsync(route);
            }
            catch (KeyNotFoundException)
            {
                return $"{route} has route values in no record page table";
            }

            if (_tokenless.Contains(page) && !url.Contains('{', StringComparison.Ordinal))
            {
                // A page that takes a POST without an antiforgery token (quick exit must leave from anywhere) has no form of its
                // own: its address is posted to directly, with a field it does not know.
                using var browser = factory.CreateBrowser();
                await SweepFormAsync(browser, page, new ParsedForm { Action = url, Fields = [new FormField("sp-sweep", "hidden", "", null)] });
                _swept.Add(page);
                return "swept";
            }

            // Each person in turn walks once; then each again, picking the last option of each choice, and once more: a page with
            // nothing to do yet (no one left to add) may have its form once the journey its link led to is done.
            string? reason = null;
            foreach (var lastOptions in new[] { false, true, false })
            {
                foreach (var (who, open, fresh) in WaysIn())
                {
                    var client = await open(url);
                    try
                    {
                        var (landedOn, response, document) = await GetAsync(client, url);
                        if (response.StatusCode is HttpStatusCode.Forbidden || landedOn is null || (landedOn == "/SignIn/Index" && page != landedOn))
                        {
                            continue;
                        }

                        if (response.StatusCode != HttpStatusCode.OK)
                        {
                            return $"{url} answered {(int)response.StatusCode} to {who}";
                        }

                        // A later step whose journey is not under way sends the visitor elsewhere: the walk starts at its journey's first page.
                        var first = page[..(page.LastIndexOf('/') + 1)] + "Index";
                        if (landedOn != page && landedOn != first && _pages.TryGetValue(first, out var firstRoute) && await TryUrlAsync(firstRoute) is { } start)
                        {
                            (landedOn, response, document) = await GetAsync(client, start);
                            if (landedOn is null || document is null)
                            {
                                continue;
                            }
                        }

                        var walk = new Walk(client, page, url, lastOptions);
                        await WalkAsync(walk, landedOn, response.RequestMessage!.RequestUri!.PathAndQuery, document!);
                        if (_swept.Contains(page))
                        {
                            return "swept";
                        }

                        reason = $"{url} led {who} to {landedOn}, whose journey never reached {page}{walk.Refused}";
                    }
                    finally
                    {
                        if (fresh)
                        {
                            client.Dispose();
                        }
                    }
                }
            }

            return reason ?? $"{url} opens for no one";
        }

        /// <summary>
        /// The people a page is opened as, in turn, until one reaches its form: no one signed in, each role, and then the
        /// people only some pages are for, each in a browser of their own.
        /// </summary>
        private IEnumerable<(string Who, Func<string, Task<HttpClient>> Open, bool Fresh)> WaysIn()
        {
            yield return ("no one signed in", _ => Task.FromResult(factory.CreateBrowser()), true);
            foreach (var role in _roleOrder.Concat(StaffRoles.All.Except(_roleOrder)))
            {
                yield return (role, _ => ClientAsync(role), false);
            }

            yield return ("an officer signed in with a password and two-factor, with a second session open", _ => SignedInAsync(), true);
            yield return ("an officer whose password was accepted, asked for a two-factor code", _ => PartSignedInAsync(), true);
            yield return ("the officer in charge of the case in the address", OfficerInChargeAsync, true);
        }

        /// <summary>An officer with a password who has set up two-factor, signed in for real twice (so there is a session to end).</summary>
        private async Task<HttpClient> SignedInAsync()
        {
            var (user, key) = await EnrolledOfficerAsync();
            var client = factory.CreateBrowser();
            await client.SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = StaffSignIn.Password });
            await client.SubmitFormAsync("/sign-in/two-factor", new Dictionary<string, string> { ["Code"] = Totp.Compute(key, factory.Clock.GetUtcNow()) });
            return client;
        }

        private async Task<HttpClient> PartSignedInAsync()
        {
            var (user, _) = await EnrolledOfficerAsync();
            var client = factory.CreateBrowser();
            await client.SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = StaffSignIn.Password });
            return client;
        }

        private async Task<(StaffUser User, string Key)> EnrolledOfficerAsync()
        {
            var user = await factory.CreateUserAsync(StaffRoles.Officer, OrderPages.CaseTeam, StaffSignIn.Password);
            using var enrolment = factory.CreateBrowser();
            var (key, _) = await factory.EnrolAsync(enrolment, user);

            // Each code is taken once: the next sign-in needs the next one.
            factory.Clock.Advance(TimeSpan.FromSeconds(30));
            return (user, key);
        }

        /// <summary>An officer made the officer in charge, by staff account, of every case named in the page's address.</summary>
        private async Task<HttpClient> OfficerInChargeAsync(string url)
        {
            var officer = await factory.CreateUserAsync(StaffRoles.Officer, OrderPages.CaseTeam);
            var ids = Regex.Matches(url, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").Select(m => Guid.Parse(m.Value)).ToList();
            await factory.WithDbAsync(async db =>
            {
                foreach (var stalkingCase in await db.Cases.Where(c => ids.Contains(c.Id)).ToListAsync())
                {
                    stalkingCase.Assign(officer.Id.ToString(), stalkingCase.Team, officer.Id);
                }

                return await db.SaveChangesAsync();
            });
            return factory.CreateBrowser(officer);
        }

        /// <summary>One way through the site towards a page that takes a POST, in one browser.</summary>
        private sealed record Walk(HttpClient Client, string Target, string TargetUrl, bool LastOptions)
        {
            public HashSet<string> Walked { get; } = new(StringComparer.Ordinal);

            /// <summary>Where the walk's last answer was refused, and why, to say why a page was not reached.</summary>
            public string Refused { get; set; } = "";
        }

        /// <summary>
        /// Sweeps the forms on a page, then goes on through its journey towards the target. Each answer the main form offers
        /// (the plausible one, and each option of each radio or checkbox group in turn) is sent, and after each the target is
        /// asked for, as a person who changed an answer would find it; failing that the journey goes on with the plausible
        /// answer (with dates a year later if its dates are refused), or the first that leads on. A page with no form goes on by
        /// its button link, or failing that by the first link in its text to a page that takes a POST.
        /// </summary>
        private async Task WalkAsync(Walk walk, string page, string url, IHtmlDocument document)
        {
            if (_swept.Contains(walk.Target) || walk.Walked.Count >= 30 || !walk.Walked.Add(page))
            {
                return;
            }

            var forms = document.Forms.Where(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase)).ToList();
            if (forms.Count == 0)
            {
                static bool Local(string? h) => h is not null && h.StartsWith('/') && !h.StartsWith("//", StringComparison.Ordinal) && !h.StartsWith("/leave", StringComparison.Ordinal);
                var link = document.QuerySelectorAll("main a.govuk-button").Select(a => a.GetAttribute("href")).FirstOrDefault(Local)
                    ?? document.QuerySelectorAll("main a.govuk-link").Select(a => a.GetAttribute("href")).FirstOrDefault(h => Local(h) && HandlerOf(h!) is not null);
                if (link is not null)
                {
                    await FollowAsync(walk, link);
                }

                return;
            }

            foreach (var form in forms)
            {
                var parsed = ParsedForm.Parse(form, url);
                if (_formsSwept.Add(parsed.Signature))
                {
                    await SweepFormAsync(walk.Client, page, parsed);
                }

                if (HandlerOf(parsed.Action) is { } handler)
                {
                    _swept.Add(handler);
                }
            }

            // The page's main form is the one marked as such, else the last on the page: the cookie banner comes first.
            var main = ParsedForm.Parse(forms.LastOrDefault(f => f.HasAttribute("data-main-form")) ?? forms[^1], url, walk.LastOptions);
            if (_swept.Contains(walk.Target))
            {
                return;
            }

            // A date the page wants in the future (a review, a hearing) is refused as in the past: the same answer a year on.
            var plausible = main.Plausible();
            var later = main.DateInputs.Count > 0 ? main.Plausible(laterDates: true) : null;
            List<KeyValuePair<string, string>>? chosen = null;
            List<KeyValuePair<string, string>>? sent = null;
            string? next = null;
            var chosePlausible = false;
            var refusedFields = new HashSet<string>(StringComparer.Ordinal);
            foreach (var answer in new List<List<KeyValuePair<string, string>>?>(main.Alternatives()) { plausible, later })
            {
                var isPlausible = ReferenceEquals(answer, plausible) || ReferenceEquals(answer, later);
                if (answer is null || (ReferenceEquals(answer, later) && chosePlausible))
                {
                    continue;
                }

                var response = await walk.Client.PostAsync(main.Action, new FormUrlEncodedContent(answer));
                sent = answer;
                if (!IsRedirect(response))
                {
                    if (isPlausible && response.StatusCode == HttpStatusCode.OK)
                    {
                        var refusal = await response.GetDocumentAsync();
                        refusedFields.UnionWith(refusal.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")?.TrimStart('#') ?? ""));
                        walk.Refused = $" ({page} refused its plausible answer: {string.Join("; ", refusal.ErrorSummaryMessages())})";
                    }

                    continue;
                }

                if (!isPlausible && await OpenTargetAsync(walk))
                {
                    return;
                }

                if (chosen is null || (isPlausible && !chosePlausible))
                {
                    (chosen, next, chosePlausible) = (answer, response.Headers.Location!.OriginalString, isPlausible);
                }
            }

            // A choice the page checks against the record (the police area a respondent must notify in, R29) is tried option by
            // option when the page refused the plausible answer naming it.
            foreach (var select in main.Fields.Where(f => chosen is null && f.Kind == "select" && refusedFields.Contains(ParsedForm.IdOf(f.Name))))
            {
                foreach (var option in select.Options!.Where(o => o != select.Value))
                {
                    var answer = main.With(select.Name, option);
                    var response = await walk.Client.PostAsync(main.Action, new FormUrlEncodedContent(answer));
                    if (IsRedirect(response))
                    {
                        (chosen, sent, next) = (answer, answer, response.Headers.Location!.OriginalString);
                        break;
                    }
                }
            }

            if (chosen is null)
            {
                return;
            }

            if (!ReferenceEquals(chosen, sent))
            {
                var response = await walk.Client.PostAsync(main.Action, new FormUrlEncodedContent(chosen));
                if (!IsRedirect(response))
                {
                    return;
                }

                next = response.Headers.Location!.OriginalString;
            }

            await FollowAsync(walk, next!);
        }

        private async Task FollowAsync(Walk walk, string location)
        {
            var (next, response, document) = await GetAsync(walk.Client, location);
            if (next is not null && document is not null)
            {
                await WalkAsync(walk, next, response.RequestMessage!.RequestUri!.PathAndQuery, document);
            }
        }

        /// <summary>The target, asked for directly: a later step opens once the answers before it lead there.</summary>
        private async Task<bool> OpenTargetAsync(Walk walk)
        {
            var (landedOn, response, document) = await GetAsync(walk.Client, walk.TargetUrl);
            if (landedOn != walk.Target || document is null || walk.Walked.Contains(landedOn))
            {
                return false;
            }

            await WalkAsync(walk, landedOn, response.RequestMessage!.RequestUri!.PathAndQuery, document);
            return true;
        }

        private static bool IsRedirect(HttpResponseMessage response) =>
            response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther && response.Headers.Location is not null;

        /// <summary>The page whose POST handler a form's action reaches, by the routing table (literal routes first).</summary>
        private string? HandlerOf(string action)
        {
            var path = new PathString(action.Split('?')[0]);
            foreach (var (matcher, _, handler) in _routes.OrderBy(r => r.Parameters))
            {
                if (matcher.TryMatch(path, []))
                {
                    return handler;
                }
            }

            return null;
        }

        private async Task<string> UrlAsync(string route)
        {
            route = Regex.Replace(route, @"/\{[^}]*\?\}", "");
            if (route.Contains("{token}", StringComparison.Ordinal))
            {
                // A one-time set-up link, as an administrator's invitation makes it.
                await using var scope = factory.Services.CreateAsyncScope();
                var (_, link) = await scope.ServiceProvider.GetRequiredService<StaffAccountService>().InviteAsync(
                    new InviteStaffOptions($"invited-{Guid.NewGuid():N}@test.police.uk", "Invited Officer", [StaffRoles.Officer], OrderPages.CaseTeam), Actor.System);
                route = route.Replace("{token}", Uri.EscapeDataString(link!.Token), StringComparison.Ordinal);
            }

            if (!route.Contains('{', StringComparison.Ordinal))
            {
                return route;
            }

            var shape = Shape(route);
            if (RecordPageAuthorisationTests.Pages.FirstOrDefault(p => Shape(p.Route).Equals(shape, StringComparison.OrdinalIgnoreCase)) is { } record)
            {
                return (await RecordPageAuthorisationTests.UrlAsync(factory, record.Route)).Url;
            }

            if (OrderPagesAccessTests.Pages.FirstOrDefault(p => Shape(p).Equals(shape, StringComparison.OrdinalIgnoreCase)) is { } order)
            {
                return await OrderPagesAccessTests.UrlAsync(factory, order, OrderPages.CaseTeam);
            }

            throw new KeyNotFoundException(route);
        }

        private async Task<string?> TryUrlAsync(string route)
        {
            try
            {
                return await UrlAsync(route);
            }
            catch (KeyNotFoundException)
            {
                return null;
            }
        }

        private static string Shape(string route) => Regex.Replace(route, @"\{[^}]*\}", "{}");

        private async Task<HttpClient> ClientAsync(string? role)
        {
            var key = role ?? "";
            if (!_clients.TryGetValue(key, out var client))
            {
                client = factory.CreateBrowser(role is null ? null : await factory.CreateUserAsync(role, OrderPages.CaseTeam));
                _clients[key] = client;
            }

            return client;
        }

        /// <summary>GETs the page, following redirects within the site; returns the page that answered.</summary>
        private static async Task<(string? Page, HttpResponseMessage Response, IHtmlDocument? Document)> GetAsync(HttpClient client, string url)
        {
            var response = await client.GetAsync(url);
            for (var hops = 0; hops < 5 && response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther; hops++)
            {
                var location = response.Headers.Location!;
                if (location.IsAbsoluteUri && location.Host != "localhost")
                {
                    break;
                }

                response = await client.GetAsync(location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
            }

            var page = response.Headers.TryGetValues(SweepFactory.PageHeader, out var values) ? values.First() : null;
            return (page, response, response.StatusCode == HttpStatusCode.OK ? await response.GetDocumentAsync() : null);
        }

        private async Task SweepFormAsync(HttpClient client, string page, ParsedForm form)
        {
            var random = new Random(StableSeed(form.Signature));
            var hasToken = form.Fields.Any(f => f.Name == Token);
            var named = form.Fields.Where(f => f.Name != Token).ToList();

            // A body no person could type: refused whole, whichever field carries it.
            foreach (var (name, value) in new[] { ("NUL", "a\u0000b"), ("control characters", "\u0001\u001B\u007F\u0085") })
            {
                foreach (var field in Pick(named, random))
                {
                    await PostAsync(client, page, form, form.With(field.Name, value), $"{field.Name} = {name}", expect400: true);
                }
            }

            foreach (var field in Pick(named, random))
            {
                var body = Encoding.ASCII.GetBytes(await new FormUrlEncodedContent(form.With(field.Name, "")).ReadAsStringAsync() + "&" + Uri.EscapeDataString(field.Name) + "=%FF%FE%C3%28");
                var content = new ByteArrayContent(body);
                content.Headers.ContentType = new("application/x-www-form-urlencoded");
                await PostAsync(client, page, form, content, $"{field.Name} = invalid UTF-8", expect400: true);
            }

            if (hasToken)
            {
                await PostAsync(client, page, form, new FormUrlEncodedContent(form.Plausible().Where(f => f.Key != Token)), "no antiforgery token", expect400: true);
            }

            foreach (var field in named)
            {
                var values = new List<(string Name, string Value)>(_hostileText);
                if (field.MaxLength is { } max)
                {
                    values.Add(("maximum length", new string('a', max)));
                    values.Add(("maximum length and one more", new string('a', max + 1)));
                }

                foreach (var (name, value) in _all ? values : values.OrderBy(_ => random.Next()).Take(SampledValuesPerField))
                {
                    await PostAsync(client, page, form, form.With(field.Name, value), $"{field.Name} = {name}", expect400: false);
                }
            }

            foreach (var prefix in form.DateInputs)
            {
                foreach (var (name, day, month, year) in _all ? _hostileDates : [_hostileDates[random.Next(_hostileDates.Length)]])
                {
                    var body = form.Plausible().Where(f => !f.Key.StartsWith(prefix + ".", StringComparison.Ordinal))
                        .Append(new(prefix + ".Day", day)).Append(new(prefix + ".Month", month)).Append(new(prefix + ".Year", year));
                    await PostAsync(client, page, form, new FormUrlEncodedContent(body), $"{prefix} = {name}", expect400: false);
                }
            }

            var names = named.Select(f => f.Name).Distinct(StringComparer.Ordinal).ToList();
            var pairs = names.SelectMany((a, i) => names.Skip(i + 1).Select(b => (a, b))).ToList();
            foreach (var (a, b) in _all ? pairs : pairs.OrderBy(_ => random.Next()).Take(2))
            {
                await PostAsync(client, page, form, new FormUrlEncodedContent(form.Plausible().Where(f => f.Key != a && f.Key != b)), $"{a} and {b} left out", expect400: false);
            }
        }

        private Task PostAsync(HttpClient client, string page, ParsedForm form, IEnumerable<KeyValuePair<string, string>> body, string what, bool expect400) =>
            PostAsync(client, page, form, new FormUrlEncodedContent(body), what, expect400);

        private async Task PostAsync(HttpClient client, string page, ParsedForm form, HttpContent content, string what, bool expect400)
        {
            _posts++;
            var response = await client.PostAsync(form.Action, content);
            var html = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            var where = $"{page} ({form.Action}) {what}";
            if (status >= 500)
            {
                _failures.Add((page, $"{where}: {status}"));
                return;
            }

            if (html.Contains("Exception", StringComparison.Ordinal) && html.Contains("   at ", StringComparison.Ordinal))
            {
                _failures.Add((page, $"{where}: a stack trace"));
            }

            if (html.Contains(Marker, StringComparison.Ordinal))
            {
                _failures.Add((page, $"{where}: the input reflected unescaped"));
            }

            var document = status is 200 or 400 ? await response.GetDocumentAsync() : null;
            if (status == 400)
            {
                if (document!.HeadingText() != "Sorry, there is a problem with your request" || document!.QuerySelector(".govuk-header, .govuk-footer") is null)
                {
                    _failures.Add((page, $"{where}: 400 without the GOV.UK error page"));
                }

                return;
            }

            if (expect400)
            {
                _failures.Add((page, $"{where}: {status}, not 400"));
                return;
            }

            if (status == 200)
            {
                foreach (var link in document!.QuerySelectorAll(".govuk-error-summary__list a"))
                {
                    var id = link.GetAttribute("href")?.TrimStart('#') ?? "";
                    if (document.GetElementById(id) is null)
                    {
                        _failures.Add((page, $"{where}: the error summary names #{id}, which is not on the page"));
                    }
                }
            }
            else if (status is not (302 or 303 or 301))
            {
                _failures.Add((page, $"{where}: {status}"));
            }
        }

        /// <summary>Every field in the whole matrix, one field chosen with the seed otherwise.</summary>
        private static List<FormField> Pick(List<FormField> fields, Random random) =>
            _all || fields.Count == 0 ? fields : [fields[random.Next(fields.Count)]];

        private static int StableSeed(string text)
        {
            var hash = 17;
            foreach (var c in text)
            {
                hash = unchecked((hash * 31) + c);
            }

            return hash;
        }
    }

    private sealed record FormField(string Name, string Kind, string Value, int? MaxLength, IReadOnlyList<string>? Options = null);

    /// <summary>A form as a browser would send it: its fields in order, its action, and plausible values for empty fields.</summary>
    private sealed class ParsedForm
    {
        public required string Action { get; init; }

        public required IReadOnlyList<FormField> Fields { get; init; }

        public IReadOnlyList<string> DateInputs =>
            Fields.Where(f => f.Name.EndsWith(".Day", StringComparison.Ordinal)).Select(f => f.Name[..^4])
                .Where(p => Fields.Any(f => f.Name == p + ".Year")).Distinct().ToList();

        /// <summary>The action with record ids taken out and the field names: the cookie banner on every page is swept once.</summary>
        public string Signature => Regex.Replace(Action.Split('?')[0], "[0-9a-f]{8}-[0-9a-f-]{27}", "{}") + "|" + (Action.Contains('?', StringComparison.Ordinal) ? Action.Split('?')[1] : "")
            + "|" + string.Join(",", Fields.Select(f => f.Name).Distinct().Order(StringComparer.Ordinal));

        /// <summary>Reads a form; an unanswered choice gets its first option, or its last when <paramref name="lastOptions"/>.</summary>
        public static ParsedForm Parse(IHtmlFormElement form, string pageUrl, bool lastOptions = false)
        {
            var fields = new List<FormField>();
            var radios = new HashSet<string>(StringComparer.Ordinal);
            var checkboxes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var element in form.Elements)
            {
                var name = element.GetAttribute("name");
                if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled"))
                {
                    continue;
                }

                switch (element)
                {
                    case IHtmlInputElement input when input.Type is "submit" or "button" or "image" or "reset" or "file":
                        break;
                    case IHtmlInputElement input when input.Type == "radio":
                        if (radios.Add(name))
                        {
                            var group = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "radio" && i.Name == name).ToList();
                            fields.Add(new FormField(name, "radio", (group.FirstOrDefault(i => i.IsChecked) ?? (lastOptions ? group[^1] : group[0])).Value, null, group.Select(i => i.Value).ToList()));
                        }

                        break;
                    case IHtmlInputElement input when input.Type == "checkbox":
                        var options = checkboxes.Add(name)
                            ? form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "checkbox" && i.Name == name).Select(i => i.Value).ToList()
                            : null;
                        if (input.IsChecked)
                        {
                            fields.Add(new FormField(name, "checkbox", input.Value, null, options));
                        }
                        else if (!fields.Any(f => f.Name == name))
                        {
                            fields.Add(new FormField(name, "checkbox-unchecked", input.Value, null, options));
                        }

                        break;
                    case IHtmlInputElement input:
                        fields.Add(new FormField(name, input.Type == "hidden" ? "hidden" : "text",
                            input.Type == "hidden" || !string.IsNullOrEmpty(input.Value) ? input.Value : PlausibleText(input), MaxLength(element)));
                        break;
                    case IHtmlSelectElement select:
                        var choices = select.Options.Where(o => !string.IsNullOrEmpty(o.Value)).ToList();
                        fields.Add(new FormField(name, "select", select.Options.FirstOrDefault(o => o.IsSelected && !string.IsNullOrEmpty(o.Value))?.Value ?? choices.FirstOrDefault()?.Value ?? "", null,
                            choices.Select(o => o.Value).ToList()));
                        break;
                    case IHtmlTextAreaElement area:
                        fields.Add(new FormField(name, "text", string.IsNullOrEmpty(area.Value) ? "Plausible words for the sweep." : area.Value, MaxLength(element)));
                        break;
                    default:
                        break;
                }
            }

            // The first submit button is the one Enter presses: its name, value and formaction go with the form.
            var button = form.Elements.FirstOrDefault(e => e is IHtmlButtonElement { Type: "submit" } or IHtmlInputElement { Type: "submit" });
            var action = button?.GetAttribute("formaction") is { Length: > 0 } formAction ? formAction : form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
            if (action.StartsWith('?'))
            {
                action = pageUrl.Split('?')[0] + action;
            }

            if (button?.GetAttribute("name") is { Length: > 0 } buttonName)
            {
                fields.Add(new FormField(buttonName, "button", button.GetAttribute("value") ?? "", null));
            }

            return new ParsedForm { Action = action, Fields = fields };
        }

        public List<KeyValuePair<string, string>> Plausible(bool laterDates = false) =>
            Fields.Where(f => f.Kind != "checkbox-unchecked")
                .Select(f => new KeyValuePair<string, string>(f.Name, laterDates && f.Name.EndsWith(".Year", StringComparison.Ordinal) && f.Value == PlausibleYear ? "2027" : f.Value)).ToList();

        /// <summary>Other answers a person might give: each other option of each radio group, each box of each checkbox group ticked alone.</summary>
        public List<List<KeyValuePair<string, string>>> Alternatives() =>
            Fields.Where(f => f.Options is { Count: > 0 } && f.Kind != "select")
                .SelectMany(f => f.Options!.Where(o => f.Kind != "radio" || o != f.Value)
                    .Select(o => f.Kind == "radio" ? With(f.Name, o) : Plausible().Where(p => p.Key != f.Name).Append(new(f.Name, o)).ToList()))
                .Take(12).ToList();

        /// <summary>The id a field's input has, as ASP.NET Core makes it from its name (an error summary links to it).</summary>
        public static string IdOf(string name) => Regex.Replace(name, @"[.\[\]]", "_");

        /// <summary>The plausible body with every value of one field replaced (a checkbox or radio gets the hostile value as its only option).</summary>
        public List<KeyValuePair<string, string>> With(string name, string value) =>
            Plausible().Where(f => f.Key != name).Append(new(name, value)).ToList();

        private const string PlausibleYear = "2026";

        private static int? MaxLength(IElement element) =>
            int.TryParse(element.GetAttribute("maxlength"), NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max > 0 ? max : null;

        private static string PlausibleText(IHtmlInputElement input)
        {
            var name = input.Name ?? "";
            bool Has(string part) => name.Contains(part, StringComparison.OrdinalIgnoreCase);
            return input.Type switch
            {
                "email" => "sweep@example.com",
                "tel" => "07700 900123",
                "number" => "1",
                "password" => "amber-harbour-lantern",
                _ when name.EndsWith(".Day", StringComparison.Ordinal) => "2",
                _ when name.EndsWith(".Month", StringComparison.Ordinal) => "11",
                _ when name.EndsWith(".Year", StringComparison.Ordinal) => PlausibleYear,
                _ when Has("Hour") => "10",
                _ when Has("Minute") => "30",
                _ when Has("Time") || name.EndsWith("At", StringComparison.Ordinal) => "10:30",
                _ when Has("OrderReference") => "SPO-7KQ2-M9XD",
                _ when Has("Email") => "sweep@example.com",
                _ when Has("Phone") => "07700 900123",
                _ when Has("Postcode") => "LS1 1AA",
                _ when Has("Pnc") => "2001/0123456X",
                _ when Has("Code") => "123456",
                _ => "Plausible",
            };
        }
    }
}
