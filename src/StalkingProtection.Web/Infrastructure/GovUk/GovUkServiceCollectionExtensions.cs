using Microsoft.AspNetCore.Mvc;

namespace StalkingProtection.Web.Infrastructure.GovUk;

public static class GovUkServiceCollectionExtensions
{
    /// <summary>Registers what the GOV.UK components need at runtime: the three-field date input binder.</summary>
    public static IServiceCollection AddGovUkComponents(this IServiceCollection services)
    {
        services.Configure<MvcOptions>(options => options.AddGovUkDateInputBinder());
        return services;
    }

    public static MvcOptions AddGovUkDateInputBinder(this MvcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.ModelBinderProviders.OfType<DateInputModelBinderProvider>().Any())
        {
            // First, so it wins over the built-in simple type binder that DateOnly would otherwise get.
            options.ModelBinderProviders.Insert(0, new DateInputModelBinderProvider());
        }

        return options;
    }
}
