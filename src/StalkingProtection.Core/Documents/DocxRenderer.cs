using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace StalkingProtection.Core.Documents;

/// <summary>Draws a <see cref="GeneratedDocument"/> as an editable Word document, marked in its header and footer.</summary>
public static class DocxRenderer
{
    public static byte[] Render(GeneratedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            word.PackageProperties.Title = document.Title;
            word.PackageProperties.Language = document.CultureName;
            var main = word.AddMainDocumentPart();
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(Marking());
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(Marking());

            var body = new Body();
            body.Append(Para(document.Title, bold: true, size: 32));
            foreach (var block in document.Blocks)
            {
                Append(body, block);
            }

            body.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 567, Footer = 567, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();

        Paragraph Marking() => new(new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            Run(GeneratedDocument.Marking, bold: true, size: 22, document.CultureName));

        Paragraph Para(string text, bool bold = false, int size = 22, int indent = 0) =>
            new(indent > 0
                    ? new ParagraphProperties(new SpacingBetweenLines { After = "120" },
                        new Indentation { Left = indent.ToString(System.Globalization.CultureInfo.InvariantCulture), Hanging = "360" })
                    : new ParagraphProperties(new SpacingBetweenLines { After = "120" }),
                Run(text, bold, size, document.CultureName));

        void Append(Body body, DocumentBlock block)
        {
            switch (block)
            {
                case DocumentHeading h:
                    body.Append(Para(h.Text, bold: true, size: 26));
                    break;
                case DocumentParagraph p:
                    body.Append(Para(p.Text));
                    break;
                case DocumentNumberedList list:
                    for (var i = 0; i < list.Items.Count; i++)
                    {
                        body.Append(Para($"{i + 1}.\t{list.Items[i]}", indent: 360));
                    }

                    break;
                case DocumentBulletList list:
                    foreach (var item in list.Items)
                    {
                        body.Append(Para($"•\t{item}", indent: 360));
                    }

                    break;
                case DocumentTable table:
                    body.Append(Table(table));
                    body.Append(new Paragraph());
                    break;
                case DocumentPhotoBox photo:
                    body.Append(PhotoBox(photo));
                    body.Append(new Paragraph());
                    break;
            }
        }

        Table Table(DocumentTable table)
        {
            var t = new Table(new TableProperties(
                new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
            foreach (var row in table.Rows)
            {
                t.Append(new TableRow(
                    new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Pct, Width = "1750" }), Para(row.Label, bold: true)),
                    new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Pct, Width = "3250" }), Para(row.Value))));
            }

            return t;
        }

        Table PhotoBox(DocumentPhotoBox photo) => new(
            new TableProperties(
                new TableWidth { Type = TableWidthUnitValues.Dxa, Width = "2835" },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 8 }, new BottomBorder { Val = BorderValues.Single, Size = 8 },
                    new LeftBorder { Val = BorderValues.Single, Size = 8 }, new RightBorder { Val = BorderValues.Single, Size = 8 })),
            new TableRow(
                new TableRowProperties(new TableRowHeight { Val = 3402, HeightType = HeightRuleValues.Exact }),
                new TableCell(new TableCellProperties(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }), Para(photo.Caption))));
    }

    private static Run Run(string text, bool bold, int size, string language)
    {
        var properties = new RunProperties(new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial" });
        if (bold)
        {
            properties.Append(new Bold());
        }

        properties.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        properties.Append(new Languages { Val = language });
        var run = new Run(properties);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            var parts = lines[i].Split('\t');
            for (var j = 0; j < parts.Length; j++)
            {
                if (j > 0)
                {
                    run.Append(new TabChar());
                }

                run.Append(new Text(parts[j]) { Space = SpaceProcessingModeValues.Preserve });
            }
        }

        return run;
    }
}
