using Microsoft.Extensions.Options;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Documents;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Web.Infrastructure;
using StalkingProtection.Web.Infrastructure.Security;
using StalkingProtection.Web.Pages.Public.ReportBreach;

namespace StalkingProtection.Web.Api;

/// <summary>The documents generated from the records, as on the pages: each one audited as a disclosure with the purpose given.</summary>
public static class DocumentsEndpoints
{
    private const string Purpose = " ?purpose= is required and the generation is audited as a disclosure with it (DPA 2018 s.62).";

    public static RouteGroupBuilder MapDocuments(this RouteGroupBuilder api)
    {
        api.MapGet("/orders/{id:guid}/documents/{kind}", (Guid id, string kind, string? format, string? language, string? purpose, HttpContext http,
                DocumentService documents, IOptions<WebOptions> web) =>
            {
                if (kind is not ("order-briefing" or "victim-copy" or "statement-of-service"))
                {
                    return Task.FromResult(ApiProblems.Invalid("kind", "The document is order-briefing, victim-copy or statement-of-service."));
                }

                if (language is not (null or "en" or "cy") || (language is not null && kind != "victim-copy"))
                {
                    return Task.FromResult(ApiProblems.Invalid("language", "The victim's copy is in English (en, the default) or Welsh (cy); other documents are in English."));
                }

                var actor = http.User.ToActor();
                return GenerateAsync(http, format, nameof(StalkingProtectionOrder), () => kind switch
                {
                    "order-briefing" => documents.OrderBriefingAsync(id, purpose ?? "", actor, http.RequestAborted),
                    "statement-of-service" => documents.StatementOfServiceAsync(id, purpose ?? "", actor, http.RequestAborted),
                    _ => documents.VictimCopyAsync(id, language == "cy" ? DocumentLanguage.Welsh : DocumentLanguage.English,
                        BreachSteps.PublicStartUrl(http.Request, web.Value), purpose ?? "", actor, http.RequestAborted),
                });
            })
            .Document("GetOrderDocument", "Generate an order's document from the records (order-briefing, statement-of-service, or victim-copy with "
                + "?language=en|cy) as ?format=pdf|docx, marked OFFICIAL-SENSITIVE;" + Purpose);

        api.MapGet("/applications/{id:guid}/documents/application-pack", (Guid id, string? format, string? purpose, HttpContext http, DocumentService documents) =>
                GenerateAsync(http, format, nameof(Application), () => documents.ApplicationPackAsync(id, purpose ?? "", http.User.ToActor(), http.RequestAborted)))
            .Document("GetApplicationPack", "Generate the application pack for the magistrates' court (the three limbs with the evidence relied on, the draft order "
                + "and the evidence summary; SPA 2019 ss.1-2) as ?format=pdf|docx;" + Purpose);

        api.MapGet("/notifications/{id:guid}/documents/acknowledgement", (Guid id, string? format, string? purpose, HttpContext http, DocumentService documents) =>
                GenerateAsync(http, format, nameof(NotificationEvent),
                    () => documents.NotificationAcknowledgementAsync(id, purpose ?? "", http.User.ToActor(), http.RequestAborted)))
            .Document("GetNotificationAcknowledgement", "Generate the written acknowledgement of a notification with its reference (SPA 2019 s.10(4)) as ?format=pdf|docx;"
                + Purpose);

        return api;
    }

    private static RouteHandlerBuilder Document(this RouteHandlerBuilder builder, string name, string summary) =>
        builder.Produces(StatusCodes.Status200OK, contentType: DocumentRenderer.PdfContentType, additionalContentTypes: [DocumentRenderer.DocxContentType])
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName(name)
            .WithSummary(summary);

    private static Task<IResult> GenerateAsync(HttpContext http, string? format, string recordType, Func<Task<GeneratedDocument?>> generate)
    {
        DocumentFileFormat? fileFormat = format switch
        {
            null or "pdf" => DocumentFileFormat.Pdf,
            "docx" => DocumentFileFormat.Docx,
            _ => null,
        };
        if (fileFormat is null)
        {
            return Task.FromResult(ApiProblems.Invalid("format", "The format is pdf or docx."));
        }

        return ApiCall.RunAsync(async () =>
        {
            if (await generate() is not { } document)
            {
                return ApiProblems.NotFound(recordType);
            }

            var file = DocumentRenderer.Render(document, fileFormat.Value);
            http.Response.Headers.CacheControl = "no-store";
            return Results.File(file.Content, file.ContentType, file.FileName);
        });
    }
}
