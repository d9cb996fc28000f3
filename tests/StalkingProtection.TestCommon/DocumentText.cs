using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig;

namespace StalkingProtection.TestCommon;

/// <summary>Opens a generated document the way a reader would and returns its words, one space apart, to compare with the records.</summary>
public static partial class DocumentText
{
    public static string OfPdf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }

    public static int PdfPageCount(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.NumberOfPages;
    }

    /// <summary>The body's paragraphs, then the header's: each paragraph's text, one space apart.</summary>
    public static string OfDocx(byte[] docx) => Words(DocxParts(docx).Body);

    public static string DocxHeader(byte[] docx) => Words(DocxParts(docx).Header);

    /// <summary>Whitespace (tabs, line breaks, runs of spaces) collapsed to one space, as the words of a document are compared.</summary>
    public static string Words(string text) => Spaces().Replace(text, " ").Trim();

    private static (string Body, string Header) DocxParts(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var word = WordprocessingDocument.Open(stream, false);
        var main = word.MainDocumentPart!;
        var body = string.Join(" ", main.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(ParagraphText));
        var header = string.Join(" ", main.HeaderParts.SelectMany(h => h.Header!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()).Select(ParagraphText));
        return (body, header);
    }

    private static string ParagraphText(DocumentFormat.OpenXml.Wordprocessing.Paragraph p) =>
        string.Concat(p.Descendants().Select(e => e switch
        {
            DocumentFormat.OpenXml.Wordprocessing.Text t => t.Text,
            DocumentFormat.OpenXml.Wordprocessing.TabChar or DocumentFormat.OpenXml.Wordprocessing.Break => " ",
            _ => "",
        }));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
