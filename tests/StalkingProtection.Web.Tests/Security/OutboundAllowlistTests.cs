using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.VictimUpdates;
using StalkingProtection.Web.Infrastructure.Security;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.Security;

/// <summary>
/// The service with an identity provider, a telemetry collector and one extra host configured. Every HTTP client ends
/// in a recording handler instead of the network, so a test sees exactly which requests would have left the machine.
/// </summary>
public sealed class OutboundFactory : WebAppFactory
{
    public CapturingLoggerProvider Logs { get; } = new(LogLevel.Warning);

    public RecordingHandler Network { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["StalkingProtection:SignIn:OpenIdConnect:Enabled"] = "true",
        ["StalkingProtection:SignIn:OpenIdConnect:Authority"] = "https://login.force.example/tenant",
        ["StalkingProtection:SignIn:OpenIdConnect:ClientId"] = "stalking-protection",
        ["StalkingProtection:Telemetry:OtlpEndpoint"] = "https://collector.force.example:4318",
        ["StalkingProtection:Outbound:AllowedHosts:0"] = "tracker.force.example",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(Logs);
            services.ConfigureHttpClientDefaults(client => client.ConfigurePrimaryHttpMessageHandler(() => Network));
        });
    }

    public sealed class RecordingHandler : HttpMessageHandler
    {
        public ConcurrentQueue<Uri> Sent { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Sent.Enqueue(request.RequestUri!);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}

public class OutboundAllowlistTests(OutboundFactory factory) : IClassFixture<OutboundFactory>
{
    [Fact]
    public async Task V13_2_5_RequestToAnUnlistedHost_IsRefusedBeforeLeavingTheMachineAndLogged()
    {
        // Arrange
        using var client = factory.Services.GetRequiredService<IHttpClientFactory>().CreateClient();
        var address = new Uri($"https://unlisted-{Guid.NewGuid():N}.example/steal?data=1");

        // Act
        var refusal = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(address, TestContext.Current.CancellationToken));

        // Assert
        Assert.Contains("outbound allowlist", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(factory.Network.Sent, sent => sent.Host == address.Host);
        Assert.Contains(factory.Logs.Entries, e => e.Category == SecurityEvents.Category
            && e.EventId == SecurityEvents.OutboundRequestRefusedId && e.Message.Contains(address.Host, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://login.force.example/tenant/.well-known/openid-configuration")]
    [InlineData("https://collector.force.example:4318/v1/traces")]
    [InlineData("https://TRACKER.force.example/api")]
    public async Task V13_2_4_RequestToAConfiguredHost_PassesThrough(string address)
    {
        // Arrange
        using var client = factory.Services.GetRequiredService<IHttpClientFactory>().CreateClient();

        // Act
        var response = await client.GetAsync(address, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(factory.Network.Sent, sent => sent == new Uri(address));
    }

    [Fact]
    public async Task V13_2_4_TheGovUkNotifyClient_GoesThroughTheAllowlist_RefusedWhileNotifyIsNotListed()
    {
        // Arrange: the HttpClient the host gives the Notify channel, under the real GOV.UK Notify client.
        using var http = factory.Services.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(NotifyChannel));
        var notify = new NotifyChannel(http, Options.Create(new NotifyOptions { ApiKey = $"test_key-{Guid.NewGuid()}-{Guid.NewGuid()}" }));

        // Act
        var refusal = await Record.ExceptionAsync(() => notify.TemplateFieldsAsync(Guid.NewGuid().ToString()));

        // Assert
        Assert.NotNull(refusal);
        Assert.DoesNotContain(factory.Network.Sent, sent => sent.Host == "api.notifications.service.gov.uk");
        Assert.Contains(factory.Logs.Entries, e => e.EventId == SecurityEvents.OutboundRequestRefusedId
            && e.Message.Contains("api.notifications.service.gov.uk", StringComparison.Ordinal));
    }

    [Fact]
    public async Task V13_2_4_IdentityProviderBackChannel_RefusesAnyOtherHost()
    {
        // Arrange: the back channel the OpenID Connect handler fetches discovery, keys and tokens with.
        var backChannel = factory.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectSignIn.Scheme).Backchannel;

        // Act
        var refusal = await Assert.ThrowsAsync<HttpRequestException>(() =>
            backChannel.GetAsync(new Uri("https://attacker.example/.well-known/openid-configuration"), TestContext.Current.CancellationToken));

        // Assert
        Assert.Contains("outbound allowlist", refusal.Message, StringComparison.Ordinal);
    }
}
