using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StalkingProtection.Core.Import;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.ExportRegister;

/// <summary>The whole register of orders in the tracker's columns, for coordinators; each download is audited as a disclosure.</summary>
[Authorize(Policy = Policies.Coordinator)]
public class IndexModel(TrackerExport export) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnGetDownloadAsync(string? format, CancellationToken ct)
    {
        var kind = string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase) ? TrackerFormat.Xlsx : TrackerFormat.Csv;
        var file = new MemoryStream();
        await export.WriteAsync(file, kind, User.ToActor(), ct);
        file.Position = 0;
        Response.Headers.CacheControl = "no-store";
        return kind == TrackerFormat.Xlsx
            ? File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "spo-register.xlsx")
            : File(file, "text/csv; charset=utf-8", "spo-register.csv");
    }
}
