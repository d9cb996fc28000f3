using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace StalkingProtection.Core.Documents;

/// <summary>Draws a <see cref="GeneratedDocument"/> on A4 pages with the marking at the top and foot of each page.</summary>
public static class PdfRenderer
{
    private const double Margin = 56;
    private const double BodySize = 10;
    private static readonly Lock _fontLock = new();
    private static readonly XColor _band = XColor.FromArgb(11, 12, 12);

    public static byte[] Render(GeneratedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        UseEmbeddedFonts();
        using var pdf = new PdfDocument();
        pdf.Info.Title = document.Title;
        pdf.Info.Subject = GeneratedDocument.Marking;
        pdf.Info.Creator = "Stalking Protection";
        var writer = new PageWriter(pdf);
        writer.Text(document.Title, writer.Title, 6);
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case DocumentHeading h:
                    writer.Space(4);
                    writer.KeepSpace(48);
                    writer.Text(h.Text, writer.Heading, 3);
                    break;
                case DocumentParagraph p:
                    writer.Text(p.Text, writer.Body, 6);
                    break;
                case DocumentNumberedList list:
                    for (var i = 0; i < list.Items.Count; i++)
                    {
                        writer.Item($"{i + 1}.", list.Items[i]);
                    }

                    break;
                case DocumentBulletList list:
                    foreach (var item in list.Items)
                    {
                        writer.Item("•", item);
                    }

                    break;
                case DocumentTable table:
                    foreach (var row in table.Rows)
                    {
                        writer.Row(row.Label, row.Value);
                    }

                    writer.Space(6);
                    break;
                case DocumentPhotoBox photo:
                    writer.PhotoBox(photo.Caption);
                    break;
            }
        }

        writer.Finish();
        using var stream = new MemoryStream();
        pdf.Save(stream, false);
        return stream.ToArray();
    }

    /// <summary>PDFsharp on Linux finds no system fonts: the service ships DejaVu Sans (Bitstream Vera licence) inside the assembly.</summary>
    private static void UseEmbeddedFonts()
    {
        lock (_fontLock)
        {
            if (GlobalFontSettings.FontResolver is not EmbeddedFontResolver)
            {
                GlobalFontSettings.FontResolver = new EmbeddedFontResolver();
            }
        }
    }

    private sealed class PageWriter(PdfDocument pdf)
    {
        private static readonly XPdfFontOptions _unicode = new(PdfFontEncoding.Unicode);
        private PdfPage? _page;
        private XGraphics? _graphics;
        private double _y;
        private double _floatBottom;

        public XFont Title { get; } = new(EmbeddedFontResolver.Family, 16, XFontStyleEx.Bold, _unicode);

        public XFont Heading { get; } = new(EmbeddedFontResolver.Family, 12, XFontStyleEx.Bold, _unicode);

        public XFont Body { get; } = new(EmbeddedFontResolver.Family, BodySize, XFontStyleEx.Regular, _unicode);

        public XFont Bold { get; } = new(EmbeddedFontResolver.Family, BodySize, XFontStyleEx.Bold, _unicode);

        private XFont MarkingFont { get; } = new(EmbeddedFontResolver.Family, 10, XFontStyleEx.Bold, _unicode);

        private XGraphics Graphics => _graphics ?? NewPage();

        private PdfPage Page
        {
            get
            {
                _ = Graphics;
                return _page!;
            }
        }

        /// <summary>Narrower beside the photo box, which stands at the right of what follows it.</summary>
        private double Width => Page.Width.Point - (2 * Margin) - (_y < _floatBottom ? PhotoWidth + 12 : 0);

        private const double PhotoWidth = 96;

        private double Bottom => Page.Height.Point - 48;

        public void Space(double points) => _y += points;

        public void KeepSpace(double points)
        {
            _ = Graphics;
            if (_y + points > Bottom)
            {
                NewPage();
            }
        }

        public void Text(string text, XFont font, double after)
        {
            foreach (var line in Wrap(text, font, Width))
            {
                Line(line, font, Margin);
            }

            _y += after;
        }

        public void Item(string marker, string text)
        {
            var first = true;
            foreach (var line in Wrap(text, Body, Width - 20))
            {
                if (first)
                {
                    KeepSpace(LineHeight(Body));
                    Graphics.DrawString(marker, Body, XBrushes.Black, new XPoint(Margin, _y + Body.GetHeight() * 0.8));
                    first = false;
                }

                Line(line, Body, Margin + 20);
            }

            _y += 4;
        }

        public void Row(string label, string value)
        {
            var labelWidth = Width * 0.35;
            var labels = Wrap(label, Bold, labelWidth - 8);
            var values = Wrap(value, Body, Width - labelWidth - 8);
            var height = (Math.Max(labels.Count, values.Count) * LineHeight(Body)) + 6;
            KeepSpace(Math.Min(height, Bottom - Margin - 40));
            var top = _y;
            Graphics.DrawLine(XPens.DarkGray, Margin, top, Margin + Width, top);
            _y = top + 3;
            foreach (var line in labels)
            {
                Line(line, Bold, Margin);
            }

            var afterLabel = _y;
            _y = top + 3;
            foreach (var line in values)
            {
                Line(line, Body, Margin + labelWidth);
            }

            _y = Math.Max(_y, afterLabel) + 3;
        }

        public void PhotoBox(string caption)
        {
            const double height = PhotoWidth * 1.25;
            KeepSpace(height + 10);
            var left = Page.Width.Point - Margin - PhotoWidth;
            Graphics.DrawRectangle(XPens.Black, left, _y, PhotoWidth, height);
            var lines = Wrap(caption, Body, PhotoWidth - 10);
            var y = _y + (height / 2) - (lines.Count * LineHeight(Body) / 2);
            foreach (var line in lines)
            {
                Graphics.DrawString(line, Body, XBrushes.Black, new XPoint(left + 5, y + Body.GetHeight() * 0.8));
                y += LineHeight(Body);
            }

            _floatBottom = _y + height + 6;
        }

        public void Finish()
        {
            _ = Graphics;
            for (var i = 0; i < pdf.PageCount; i++)
            {
                using var g = i == pdf.PageCount - 1 && _graphics is not null ? null : XGraphics.FromPdfPage(pdf.Pages[i]);
                var graphics = g ?? _graphics!;
                var page = pdf.Pages[i];
                graphics.DrawString($"{i + 1} / {pdf.PageCount}", Body, XBrushes.Black,
                    new XRect(Margin, page.Height.Point - 34, page.Width.Point - (2 * Margin), 14), XStringFormats.TopRight);
            }

            _graphics?.Dispose();
            _graphics = null;
        }

        private void Line(string line, XFont font, double x)
        {
            if (_y + LineHeight(font) > Bottom)
            {
                NewPage();
            }

            Graphics.DrawString(line, font, XBrushes.Black, new XPoint(x, _y + font.GetHeight() * 0.8));
            _y += LineHeight(font);
        }

        private static double LineHeight(XFont font) => font.GetHeight() * 1.1;

        private XGraphics NewPage()
        {
            _graphics?.Dispose();
            _page = pdf.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            var width = _page.Width.Point;
            var height = _page.Height.Point;

            // The marking sits in a dark band at the top and again at the foot of every page.
            _graphics.DrawRectangle(new XSolidBrush(_band), 0, 0, width, 28);
            _graphics.DrawString(GeneratedDocument.Marking, MarkingFont, XBrushes.White, new XRect(0, 0, width, 28), XStringFormats.Center);
            _graphics.DrawString(GeneratedDocument.Marking, MarkingFont, XBrushes.Black, new XRect(0, height - 34, width, 14), XStringFormats.TopCenter);
            _y = 44;
            _floatBottom = 0;
            return _graphics;
        }

        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
            {
                var line = "";
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var candidate = line.Length == 0 ? word : $"{line} {word}";
                    if (line.Length > 0 && Graphics.MeasureString(candidate, font).Width > width)
                    {
                        lines.Add(line);
                        line = word;
                    }
                    else
                    {
                        line = candidate;
                    }

                    while (Graphics.MeasureString(line, font).Width > width && line.Length > 1)
                    {
                        var cut = line.Length - 1;
                        while (cut > 1 && Graphics.MeasureString(line[..cut], font).Width > width)
                        {
                            cut--;
                        }

                        lines.Add(line[..cut]);
                        line = line[cut..];
                    }
                }

                lines.Add(line);
            }

            return lines;
        }
    }

    private sealed class EmbeddedFontResolver : IFontResolver
    {
        public const string Family = "DejaVu Sans";
        private const string Regular = "DejaVuSans";
        private const string BoldFace = "DejaVuSans-Bold";

        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? BoldFace : Regular);

        public byte[]? GetFont(string faceName)
        {
            using var stream = typeof(PdfRenderer).Assembly.GetManifestResourceStream($"StalkingProtection.Core.Documents.Fonts.{faceName}.ttf")
                ?? throw new InvalidOperationException($"The font {faceName} is not embedded in the assembly.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
