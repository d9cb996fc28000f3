using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Reviews;
using StalkingProtection.Core.Tasks;

namespace StalkingProtection.Core.Tests.Rules;

public class DomainServiceCollectionExtensionsTests
{
    [Fact]
    public void AddStalkingProtectionDomain_WithDatabaseAndDataProtection_ResolvesEveryServiceInAScope()
    {
        // Arrange
        var services = new ServiceCollection()
            .AddStalkingProtectionDatabase(DatabaseProvider.Sqlite, "Data Source=:memory:")
            .AddStalkingProtectionDomain();
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        using var scope = provider.CreateScope();
        Type[] types =
        [
            typeof(CaseService), typeof(ApplicationService), typeof(OrderService), typeof(AppealService), typeof(OrderStatusQueries),
            typeof(NotificationService), typeof(BreachService), typeof(ReviewService), typeof(DeadlineCheckService), typeof(VictimContactService),
            typeof(StaffTaskRaiser),
        ];

        // Act
        var resolved = types.Select(t => scope.ServiceProvider.GetRequiredService(t)).ToList();

        // Assert
        Assert.Equal(types, resolved.Select(r => r.GetType()));
    }
}
