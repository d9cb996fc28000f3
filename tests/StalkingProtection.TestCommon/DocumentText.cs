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

    /// <summary>
    /// The body's paragraphs, then the header's: each paragraph's text, one space apart. A paragraph in a Word list starts with what
    /// Word draws before it ("1.", "2." or "•"), counted from the numbering part as Word counts it.
    /// </summary>
    public static string OfDocx(byte[] docx) => Words(DocxParts(docx).Body);

    public static string DocxHeader(byte[] docx) => Words(DocxParts(docx).Header);

    /// <summary>Whitespace (tabs, line breaks, runs of spaces) collapsed to one space, as the words of a document are compared.</summary>
    public static string Words(string text) => Spaces().Replace(text, " ").Trim();

    private static (string Body, string Header) DocxParts(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var word = WordprocessingDocument.Open(stream, false);
        var main = word.MainDocumentPart!;
        var counters = new Dictionary<int, int>();
        var body = string.Join(" ", main.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Select(p => ListMarker(main.NumberingDefinitionsPart?.Numbering, p, counters) + ParagraphText(p)));
        var header = string.Join(" ", main.HeaderParts.SelectMany(h => h.Header!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()).Select(ParagraphText));
        return (body, header);
    }

    private static string ListMarker(DocumentFormat.OpenXml.Wordprocessing.Numbering? numbering, DocumentFormat.OpenXml.Wordprocessing.Paragraph p,
        Dictionary<int, int> counters)
    {
        if (p.ParagraphProperties?.NumberingProperties?.NumberingId?.Val?.Value is not { } id || numbering is null)
        {
            return "";
        }

        var instance = numbering.Elements<DocumentFormat.OpenXml.Wordprocessing.NumberingInstance>().Single(n => n.NumberID?.Value == id);
        var definition = numbering.Elements<DocumentFormat.OpenXml.Wordprocessing.AbstractNum>()
            .Single(a => a.AbstractNumberId?.Value == instance.AbstractNumId!.Val!.Value);
        var level = definition.Elements<DocumentFormat.OpenXml.Wordprocessing.Level>().Single(l => l.LevelIndex?.Value == 0);
        if (level.NumberingFormat?.Val?.Value == DocumentFormat.OpenXml.Wordprocessing.NumberFormatValues.Bullet)
        {
            return level.LevelText!.Val!.Value + " ";
        }

        var start = instance.Descendants<DocumentFormat.OpenXml.Wordprocessing.StartOverrideNumberingValue>().FirstOrDefault()?.Val?.Value
            ?? level.StartNumberingValue?.Val?.Value ?? 1;
        counters[id] = counters.TryGetValue(id, out var last) ? last + 1 : start;
        return level.LevelText!.Val!.Value!.Replace("%1", counters[id].ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) + " ";
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
