namespace StalkingProtection.Core.Documents;

public enum DocumentKind
{
    ApplicationPack,
    StatementOfService,
    NotificationAcknowledgement,
    OrderBriefing,
    VictimCopy,
}

public enum DocumentLanguage
{
    English,
    Welsh,
}

public enum DocumentFileFormat
{
    Pdf,
    Docx,
}

/// <summary>One part of a document, written once and drawn by both renderers.</summary>
public abstract record DocumentBlock;

public sealed record DocumentHeading(string Text) : DocumentBlock;

public sealed record DocumentParagraph(string Text) : DocumentBlock;

/// <summary>Items numbered 1, 2, 3 in the document, so a prohibition or requirement can be cited by its number.</summary>
public sealed record DocumentNumberedList(IReadOnlyList<string> Items) : DocumentBlock;

public sealed record DocumentBulletList(IReadOnlyList<string> Items) : DocumentBlock;

/// <summary>Labels and values in two columns.</summary>
public sealed record DocumentTable(IReadOnlyList<DocumentRow> Rows) : DocumentBlock;

public sealed record DocumentRow(string Label, string Value);

/// <summary>An empty framed box where a photograph is pasted or attached by hand: the service keeps no photographs.</summary>
public sealed record DocumentPhotoBox(string Caption) : DocumentBlock;

/// <summary>
/// A document generated from the records: a neutral model of headings, paragraphs, numbered lists and tables that the DOCX and
/// PDF renderers draw, so each document is written once.
/// </summary>
public sealed record GeneratedDocument(DocumentKind Kind, string Title, string FileStem, DocumentLanguage Language, IReadOnlyList<DocumentBlock> Blocks)
{
    /// <summary>Government Security Classifications: personal data about a crime is OFFICIAL with the SENSITIVE caveat.</summary>
    public const string Marking = "OFFICIAL-SENSITIVE";

    public string CultureName => Language == DocumentLanguage.Welsh ? "cy-GB" : "en-GB";
}

/// <summary>A rendered document ready to return as a download.</summary>
public sealed record DocumentFile(string FileName, string ContentType, byte[] Content);

public static class DocumentRenderer
{
    public const string PdfContentType = "application/pdf";
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static DocumentFile Render(GeneratedDocument document, DocumentFileFormat format)
    {
        ArgumentNullException.ThrowIfNull(document);
        return format == DocumentFileFormat.Docx
            ? new DocumentFile($"{document.FileStem}.docx", DocxContentType, DocxRenderer.Render(document))
            : new DocumentFile($"{document.FileStem}.pdf", PdfContentType, PdfRenderer.Render(document));
    }
}
