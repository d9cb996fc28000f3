using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace StalkingProtection.Web.Pages.Public;

/// <summary>A page of the public site's text, rendered from Content/{slug}.md.</summary>
public class InfoModel(ContentLibrary content) : PageModel
{
    public ContentPage Text { get; private set; } = null!;

    public IActionResult OnGet(string slug)
    {
        var page = content.Find(slug);
        if (page is null)
        {
            return NotFound();
        }

        Text = page;
        return Page();
    }
}
