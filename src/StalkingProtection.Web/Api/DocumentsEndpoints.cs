using StalkingProtection.Core.Documents;
using StalkingProtection.Core.Orders;
using StalkingProtection.Web.Infrastructure.Security;
using StalkingProtection.Web.Pages.Public.ReportBreach;

namespace StalkingProtection.Web.Api;

/// <summary>The documents generated from the records, as on the pages: each one audited as a disclosure with the purpose given.</summary>
public static class DocumentsEndpoints
{
    public static RouteGroupBuilder MapDocuments(this RouteGroupBuilder api)
    {
        api.MapGet("/orders/{id:guid}/documents/{kind}", (Guid id, string kind, string? format, string? language, string? purpose, HttpContext http,
                DocumentService documents) =>
            {
                if (kind is not ("order-briefing" or "victim-copy"))
                {
                    return Task.FromResult(ApiProblems.Invalid("kind", "The document is order-briefing or victim-copy."));
                }

                if (FormatOf(format) is not { } fileFormat)
                {
                    return Task.FromResult(ApiProblems.Invalid("format", "The format is pdf or docx."));
                }

                if (language is not (null or "en" or "cy") || (language is not null && kind != "victim-copy"))
                {
                    return Task.FromResult(ApiProblems.Invalid("language", "The victim's copy is in English (en, the default) or Welsh (cy); other documents are in English."));
                }

                return ApiCall.RunAsync(async () =>
                {
                    var actor = http.User.ToActor();
                    var document = kind == "order-briefing"
                        ? await documents.OrderBriefingAsync(id, purpose ?? "", actor, http.RequestAborted)
                        : await documents.VictimCopyAsync(id, language == "cy" ? DocumentLanguage.Welsh : DocumentLanguage.English,
                            $"{http.Request.Scheme}://{http.Request.Host}{BreachSteps.StartUrl}", purpose ?? "", actor, http.RequestAborted);
                    if (document is null)
                    {
                        return ApiProblems.NotFound(nameof(StalkingProtectionOrder));
                    }

                    var file = DocumentRenderer.Render(document, fileFormat);
                    http.Response.Headers.CacheControl = "no-store";
                    return Results.File(file.Content, file.ContentType, file.FileName);
                });
            })
            .Produces(StatusCodes.Status200OK, contentType: DocumentRenderer.PdfContentType, additionalContentTypes: [DocumentRenderer.DocxContentType])
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetOrderDocument")
            .WithSummary("Generate an order's document from the records (order-briefing, or victim-copy with ?language=en|cy) as ?format=pdf|docx, "
                + "marked OFFICIAL-SENSITIVE; ?purpose= is required and the generation is audited as a disclosure with it (DPA 2018 s.62).");

        return api;
    }

    private static DocumentFileFormat? FormatOf(string? format) => format switch
    {
        null or "pdf" => DocumentFileFormat.Pdf,
        "docx" => DocumentFileFormat.Docx,
        _ => null,
    };
}
