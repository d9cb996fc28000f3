using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MiniExcelLibs;
using Sylvan.Data.Csv;

namespace StalkingProtection.Core.Import;

/// <summary>A tracker file that cannot be read at all: empty, not CSV or Excel, or without the required columns.</summary>
public sealed class TrackerFileException(string message) : Exception(message);

/// <summary>One row of the tracker as read, its cells trimmed; <see cref="RowNumber"/> counts the header as row 1.</summary>
public sealed record TrackerRow(int RowNumber, IReadOnlyDictionary<TrackerColumn, string> Cells)
{
    public string this[TrackerColumn column] => Cells.TryGetValue(column, out var value) ? value : "";

    /// <summary>The row's key: the force's own order reference.</summary>
    public string Key => this[TrackerColumn.OrderReference];

    /// <summary>A hash of every cell, so a row imported before is known unchanged without keeping its values.</summary>
    public string Hash
    {
        get
        {
            var text = string.Join('\u001f', Enum.GetValues<TrackerColumn>().Select(c => this[c]));
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        }
    }
}

/// <summary>Reads a tracker from CSV (UTF-8 with or without BOM, or Windows-1252) or Excel (.xlsx, first sheet).</summary>
public static class TrackerFile
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxCellLength = 8000;

    private static readonly string[] _dateFormats = ["d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-MM-dd"];

    static TrackerFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IReadOnlyList<TrackerRow> Read(Stream stream, string fileName)
    {
        using var buffer = new MemoryStream();
        CopyLimited(stream, buffer);
        var bytes = buffer.ToArray();
        if (bytes.Length == 0)
        {
            throw new TrackerFileException("The file is empty");
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var isZip = bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        var table = extension switch
        {
            ".xlsx" when isZip => ReadXlsx(bytes),
            ".xlsx" => throw new TrackerFileException("The file is not an Excel workbook (.xlsx): save it again from Excel as an Excel workbook"),
            ".csv" or ".txt" when !isZip && !bytes.Contains((byte)0) => ReadCsv(bytes),
            ".csv" or ".txt" => throw new TrackerFileException("The file is not a CSV file: save the tracker as CSV or as an Excel workbook (.xlsx)"),
            _ => throw new TrackerFileException("The file must be a CSV file (.csv) or an Excel workbook (.xlsx)"),
        };
        return ToRows(table);
    }

    private static void CopyLimited(Stream source, MemoryStream target)
    {
        var chunk = new byte[81920];
        int read;
        while ((read = source.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (target.Length + read > MaxBytes)
            {
                throw new TrackerFileException($"The file must be smaller than {MaxBytes / (1024 * 1024)} MB");
            }

            target.Write(chunk, 0, read);
        }
    }

    /// <summary>UTF-8 when the bytes are valid UTF-8 (a BOM is dropped); otherwise Windows-1252, the encoding of Excel's "CSV" on English Windows.</summary>
    public static string DecodeText(byte[] bytes)
    {
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252).GetString(bytes);
        }
    }

    private static List<string[]> ReadCsv(byte[] bytes)
    {
        var rows = new List<string[]>();
        try
        {
            using var reader = CsvDataReader.Create(new StringReader(DecodeText(bytes)), new CsvDataReaderOptions { HasHeaders = false, Delimiter = ',', MaxBufferSize = 1024 * 1024 });
            while (reader.Read())
            {
                var row = new string[reader.RowFieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.GetString(i);
                }

                rows.Add(row);
            }
        }
        catch (Exception e) when (e is CsvFormatException or CsvInvalidCharacterException or CsvRecordTooLargeException or InvalidDataException)
        {
            throw new TrackerFileException($"The file cannot be read as CSV after row {rows.Count}: check its quotation marks");
        }

        return rows;
    }

    private static List<string[]> ReadXlsx(byte[] bytes)
    {
        var rows = new List<string[]>();
        try
        {
            using var stream = new MemoryStream(bytes);
            foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, false, null, ExcelType.XLSX))
            {
                rows.Add(row.Values.Select(Cell).ToArray());
            }
        }
        catch (Exception e) when (e is not TrackerFileException and not OutOfMemoryException)
        {
            throw new TrackerFileException("The file cannot be read as an Excel workbook (.xlsx): save it again from Excel");
        }

        return rows;
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        DateTime d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        double n => n.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static List<TrackerRow> ToRows(List<string[]> table)
    {
        var header = table.FirstOrDefault(r => r.Any(c => !string.IsNullOrWhiteSpace(c)));
        if (header is null)
        {
            throw new TrackerFileException("The file has no rows");
        }

        var headerIndex = table.IndexOf(header);
        var columns = new Dictionary<int, TrackerColumn>();
        for (var i = 0; i < header.Length; i++)
        {
            if (TrackerColumns.Find(header[i]) is { } column)
            {
                if (columns.ContainsValue(column))
                {
                    throw new TrackerFileException($"The column \"{TrackerColumns.HeaderOf(column)}\" appears twice in the first row");
                }

                columns[i] = column;
            }
        }

        var missing = TrackerColumns.All.Where(c => c.Required && !columns.ContainsValue(c.Column)).Select(c => $"\"{c.Header}\"").ToList();
        if (missing.Count > 0)
        {
            throw new TrackerFileException($"The first row must name the tracker's columns: {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} missing (see docs/import-tracker.md)");
        }

        var rows = new List<TrackerRow>();
        for (var r = headerIndex + 1; r < table.Count; r++)
        {
            var cells = new Dictionary<TrackerColumn, string>();
            foreach (var (index, column) in columns)
            {
                var value = index < table[r].Length ? Clean(table[r][index]) : "";
                if (value.Length > 0)
                {
                    cells[column] = value.Length > MaxCellLength ? value[..MaxCellLength] : value;
                }
            }

            if (cells.Count > 0)
            {
                rows.Add(new TrackerRow(r + 1, cells));
            }
        }

        if (rows.Count == 0)
        {
            throw new TrackerFileException("The file has a header row but no orders");
        }

        return rows;
    }

    /// <summary>Trimmed, with line breaks kept as "\n" and other control characters dropped.</summary>
    private static string Clean(string value) =>
        TrackerExport.Unguard(new string(value.Replace("\r\n", "\n", StringComparison.Ordinal).Where(c => c == '\n' || !char.IsControl(c)).ToArray()).Trim());

    public static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text.Trim(), _dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static string FormatDate(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
