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
        var numbering = new Numbering(ListDefinition(DecimalList, NumberFormatValues.Decimal, "%1."), ListDefinition(BulletList, NumberFormatValues.Bullet, "•"),
            new NumberingInstance(new AbstractNumId { Val = BulletList }) { NumberID = BulletList + 1 });
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            word.PackageProperties.Title = document.Title;
            word.PackageProperties.Language = document.CultureName;
            var main = word.AddMainDocumentPart();
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(Marking());
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(Marking());
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = numbering;

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

        Paragraph Para(string text, bool bold = false, int size = 22) =>
            new(new ParagraphProperties(new SpacingBetweenLines { After = "120" }), Run(text, bold, size, document.CultureName));

        // Word's own numbering, not typed numbers: an officer who inserts a term while editing the draft order sees Word renumber the rest.
        Paragraph ListItem(string text, int instance) =>
            new(new ParagraphProperties(
                    new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = instance }),
                    new SpacingBetweenLines { After = "120" }),
                Run(text, false, 22, document.CultureName));

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
                    // Each list is its own instance of the decimal definition, restarting at 1.
                    var instance = numbering.Elements<NumberingInstance>().Max(n => n.NumberID!.Value) + 1;
                    numbering.Append(new NumberingInstance(new AbstractNumId { Val = DecimalList },
                        new LevelOverride(new StartOverrideNumberingValue { Val = 1 }) { LevelIndex = 0 }) { NumberID = instance });
                    foreach (var item in list.Items)
                    {
                        body.Append(ListItem(item, instance));
                    }

                    break;
                case DocumentBulletList list:
                    foreach (var item in list.Items)
                    {
                        body.Append(ListItem(item, BulletList + 1));
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

    private const int DecimalList = 0;
    private const int BulletList = 1;

    /// <summary>A one-level list definition: "1.", "2.", ... or a bullet, hanging 0.25 inch inside a 0.5 inch indent.</summary>
    private static AbstractNum ListDefinition(int id, NumberFormatValues format, string text) =>
        new(new MultiLevelType { Val = MultiLevelValues.SingleLevel },
            new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = format },
                new LevelText { Val = text },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = "720", Hanging = "360" }),
                new NumberingSymbolRunProperties(new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial" }, new FontSize { Val = "22" }))
            { LevelIndex = 0 })
        { AbstractNumberId = id };

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
