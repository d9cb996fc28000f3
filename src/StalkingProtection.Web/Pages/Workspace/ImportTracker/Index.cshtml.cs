using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StalkingProtection.Core.Import;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.ImportTracker;

/// <summary>
/// Upload a force's SPO tracker, read the dry-run report, then import (docs/import-tracker.md). Between the two posts the file
/// travels in the page, encrypted and signed, so nothing is kept on the server for an import that is never made.
/// </summary>
[Authorize(Roles = StaffRoles.Coordinator + "," + StaffRoles.Administrator)]
[RequestSizeLimit(MaxUploadBytes * 3)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes * 3, ValueLengthLimit = MaxUploadBytes * 2)]
public class IndexModel(TrackerImportService imports, IDataProtectionProvider dataProtection) : PageModel
{
    public const int MaxUploadBytes = 2 * 1024 * 1024;

    [BindProperty]
    [Display(Name = "Upload a tracker")]
    public IFormFile? Tracker { get; set; }

    /// <summary>The checked file, protected, carried to the Import button.</summary>
    [BindProperty]
    public string? Upload { get; set; }

    public string? FileName { get; private set; }

    public TrackerImportReport? Report { get; private set; }

    private IDataProtector Protector => dataProtection.CreateProtector("StalkingProtection.TrackerImport.Upload");

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (Tracker is null || Tracker.Length == 0)
        {
            ModelState.AddModelError(nameof(Tracker), "Select a tracker file to upload");
            return Page();
        }

        if (Tracker.Length > MaxUploadBytes)
        {
            ModelState.AddModelError(nameof(Tracker), $"The file must be smaller than {MaxUploadBytes / (1024 * 1024)} MB");
            return Page();
        }

        using var buffer = new MemoryStream();
        await Tracker.CopyToAsync(buffer, ct);
        var name = Path.GetFileName(Tracker.FileName);
        var rows = Read(buffer.ToArray(), name);
        if (rows is null)
        {
            return Page();
        }

        Report = await imports.RunAsync(rows, dryRun: true, User.ToActor(), ct: ct);
        FileName = name;
        Upload = Protect(name, buffer.ToArray());
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (Unprotect(Upload) is not { } upload)
        {
            ModelState.AddModelError(nameof(Tracker), "Upload the tracker again: the checked file could not be read back");
            return Page();
        }

        var (name, bytes) = upload;
        var rows = Read(bytes, name);
        if (rows is null)
        {
            return Page();
        }

        Report = await imports.RunAsync(rows, dryRun: false, User.ToActor(), ct: ct);
        FileName = name;
        return Page();
    }

    private IReadOnlyList<TrackerRow>? Read(byte[] bytes, string name)
    {
        try
        {
            return TrackerFile.Read(new MemoryStream(bytes), name);
        }
        catch (TrackerFileException e)
        {
            ModelState.AddModelError(nameof(Tracker), e.Message);
            return null;
        }
    }

    private string Protect(string name, byte[] bytes) =>
        Protector.Protect(Path.GetExtension(name).ToLowerInvariant() + "\n" + Convert.ToBase64String(bytes));

    private (string Name, byte[] Bytes)? Unprotect(string? upload)
    {
        if (string.IsNullOrEmpty(upload))
        {
            return null;
        }

        try
        {
            var text = Protector.Unprotect(upload);
            var newline = text.IndexOf('\n', StringComparison.Ordinal);
            return newline < 0 ? null : ("tracker" + text[..newline], Convert.FromBase64String(text[(newline + 1)..]));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }

    public static string Describe(TrackerRowReport row, bool dryRun) => row.Outcome switch
    {
        TrackerRowOutcome.Create when row.MatchesExistingPerson => dryRun ? "Will create, for a person already recorded" : "Created, for a person already recorded",
        TrackerRowOutcome.Create => dryRun ? "Will create" : "Created",
        TrackerRowOutcome.AlreadyImported => "Already imported",
        TrackerRowOutcome.Updated => dryRun ? "Will update" : "Updated",
        TrackerRowOutcome.Conflict => "Conflict",
        _ => "Breaks a rule",
    };
}
