namespace StalkingProtection.Web.Infrastructure.Journeys;

/// <summary>
/// A page that carries answers given earlier in hidden fields of its form. Such an answer that no longer reads as the page
/// wrote it was changed outside the page, so the post is refused with the 400 page rather than an error summary pointing
/// at a question that is not on the page.
/// </summary>
public interface ICarriesAnswersHidden
{
    /// <summary>True when the answer named by <paramref name="field"/> is a hidden field of the form that <paramref name="handler"/> posted.</summary>
    bool CarriesHidden(string field, string? handler);
}
