using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Integration;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.ApiTests;

/// <summary>One answer of the API, with the helpers tests need to read problems and records.</summary>
public sealed record ApiAnswer(HttpStatusCode Status, string Body, HttpResponseMessage Response)
{
    public JsonElement Json => Body.Length == 0 ? default : JsonDocument.Parse(Body).RootElement.Clone();

    public Guid Id => Json.GetProperty("id").GetGuid();

    public long Version => Json.GetProperty("version").GetInt64();

    public IReadOnlyList<JsonElement> Errors =>
        Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("errors", out var e) ? [.. e.EnumerateArray()] : [];

    public IReadOnlyList<string> RuleIds =>
        [.. Errors.Where(e => e.TryGetProperty("rule", out _)).Select(e => e.GetProperty("rule").GetString()!)];

    public IReadOnlyList<string> Fields => [.. Errors.Select(e => e.GetProperty("field").GetString()!)];
}

/// <summary>An API client with its own key, optionally keeping a transcript of every call for the documentation.</summary>
public sealed class ApiSession(HttpClient client)
{
    public static readonly JsonSerializerOptions BodyJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public List<(string Method, string Url, string? Request, ApiAnswer Answer)>? Transcript { get; set; }

    public HttpClient Client => client;

    /// <summary>The staff account of the coordinator whose decisions the client records; it authorises applications by this email.</summary>
    public const string CoordinatorEmail = "sam.coordinator@force.police.uk";

    public static async Task<ApiSession> CreateAsync(WebAppFactory factory, ApiScope scope = ApiScope.ReadWrite, string? name = null,
        bool? mayRecordDecisions = null, string? team = null)
    {
        await using var services = factory.Services.CreateAsyncScope();
        var (_, key) = await services.ServiceProvider.GetRequiredService<ApiClientService>()
            .CreateAsync(new CreateApiClientOptions(name ?? $"Test client {Guid.NewGuid():N}", scope, mayRecordDecisions ?? scope == ApiScope.ReadWrite, team), Actor.System);
        if (await services.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(CoordinatorEmail) is null)
        {
            var created = await services.ServiceProvider.GetRequiredService<StaffAccountService>()
                .CreateAsync(new CreateStaffAccountOptions(CoordinatorEmail, "DS Sam Coordinator", StaffRoles.Coordinator, null, null), Actor.System);
            Assert.True(created.Succeeded);
        }

        return WithKey(factory, key);
    }

    public static ApiSession WithKey(WebAppFactory factory, string key)
    {
        var http = factory.CreateBrowser();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return new ApiSession(http);
    }

    public Task<ApiAnswer> PostAsync(string url, object body, string? idempotencyKey = null) =>
        PostJsonAsync(url, JsonSerializer.Serialize(body, BodyJson), idempotencyKey);

    public async Task<ApiAnswer> PostJsonAsync(string url, string json, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var answer = await SendAsync(request);
        Transcript?.Add(("POST", url, json, answer));
        return answer;
    }

    public async Task<ApiAnswer> PutAsync(string url, object body)
    {
        var json = JsonSerializer.Serialize(body, BodyJson);
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        var answer = await SendAsync(request);
        Transcript?.Add(("PUT", url, json, answer));
        return answer;
    }

    public async Task<ApiAnswer> DeleteAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, url);
        var answer = await SendAsync(request);
        Transcript?.Add(("DELETE", url, null, answer));
        return answer;
    }

    public async Task<ApiAnswer> GetAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        var answer = await SendAsync(request);
        Transcript?.Add(("GET", url, null, answer));
        return answer;
    }

    private async Task<ApiAnswer> SendAsync(HttpRequestMessage request)
    {
        var response = await client.SendAsync(request);
        return new ApiAnswer(response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }
}
