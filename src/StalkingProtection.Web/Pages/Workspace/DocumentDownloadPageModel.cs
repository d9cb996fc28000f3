using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using StalkingProtection.Core.Documents;
using StalkingProtection.Core.Rules;
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

    /// <summary>The format and purpose, each told at its question; the page adds its own questions' errors before these.</summary>
    protected void ValidateFormatAndPurpose()
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
    protected async Task<IActionResult> DownloadAsync(Func<Task<GeneratedDocument?>> generate, string documentField)
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
