using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Documents;
using StalkingProtection.Core.Rules;
using StalkingProtection.Web.Infrastructure.Security;
using StalkingProtection.Web.Pages.Workspace.Cases;

namespace StalkingProtection.Web.Pages.Workspace;

/// <summary>
/// A page that downloads a document generated from the records, as PDF or an editable Word file: it asks why the document is needed,
/// and the one <see cref="DocumentService"/> method audits the generation as a disclosure with that purpose (DPA 2018 s.62). The
/// format and purpose questions are the partial <c>_DocumentFormatAndPurpose</c>.
/// </summary>
public abstract class DocumentDownloadPageModel : CaseWorkPageModel
{
    public static IReadOnlyList<SelectListItem> Formats { get; } =
    [
        new("PDF", DocumentFileFormat.Pdf.ToString()),
        new("Word document (.docx), to edit", DocumentFileFormat.Docx.ToString()),
    ];

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Which format?")]
    public DocumentFileFormat? Format { get; set; }

    [BindProperty]
    [Display(Name = "Why do you need it?")]
    public string? Purpose { get; set; }

    public abstract string PurposeHint { get; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        return await FindAsync(id, ct) ? Page() : NotFound();
    }

    /// <summary>Nothing is generated or audited until every question is answered; the record must be one the user may see.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await FindAsync(id, ct))
        {
            return NotFound();
        }

        ModelState.Clear();
        ValidateDocument();
        ValidateFormatAndPurpose();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await DownloadAsync(() => GenerateAsync(id, Purpose!, User.ToActor(), ct), DocumentField);
    }

    /// <summary>Loads the record and what the page shows; false when it does not exist or the user may not see it (404).</summary>
    protected abstract Task<bool> FindAsync(Guid id, CancellationToken ct);

    /// <summary>The one <see cref="DocumentService"/> method for the document asked for.</summary>
    protected abstract Task<GeneratedDocument?> GenerateAsync(Guid id, string purpose, Actor actor, CancellationToken ct);

    /// <summary>The page's own questions, checked before the format and purpose.</summary>
    protected virtual void ValidateDocument()
    {
    }

    /// <summary>Where a rule the document refuses is shown, other than the purpose.</summary>
    protected virtual string DocumentField => nameof(Purpose);

    private void ValidateFormatAndPurpose()
    {
        if (Format is null)
        {
            ModelState.AddModelError(nameof(Format), "Select PDF or Word document");
        }

        if (string.IsNullOrWhiteSpace(Purpose))
        {
            ModelState.AddModelError(nameof(Purpose), "Enter why you need the document");
        }
        else if (Purpose.Trim().Length > DocumentService.PurposeMaxLength)
        {
            ModelState.AddModelError(nameof(Purpose), $"Why you need it must be {DocumentService.PurposeMaxLength} characters or fewer");
        }
    }

    /// <summary>
    /// Generates the document and returns it as a download that is not cached; a rule the document refuses goes under the purpose or
    /// under <paramref name="documentField"/>, and a record that is not there answers 404.
    /// </summary>
    private async Task<IActionResult> DownloadAsync(Func<Task<GeneratedDocument?>> generate, string documentField)
    {
        ArgumentNullException.ThrowIfNull(generate);
        GeneratedDocument? document;
        try
        {
            document = await generate();
        }
        catch (RuleViolationException ex)
        {
            foreach (var v in ex.Violations)
            {
                ModelState.AddModelError(v.Field == "purpose" ? nameof(Purpose) : documentField, v.Message);
            }

            return Page();
        }

        if (document is null)
        {
            return NotFound();
        }

        var file = DocumentRenderer.Render(document, Format!.Value);
        Response.Headers.CacheControl = "no-store";
        return File(file.Content, file.ContentType, file.FileName);
    }
}
