using System.Security.Cryptography;

namespace StalkingProtection.Core.Reports;

/// <summary>The references a member of the public is given or quotes: reports (SPR), breach reports (SPB), orders (SPO).</summary>
public static class PublicReference
{
    /// <summary>No 0, O, 1 or I, so that a reference read over the phone cannot be misread.</summary>
    public const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>A prefix and eight characters, e.g. SPR-7KQ2-M9XD.</summary>
    public static string New(string prefix) =>
        $"{prefix}-{RandomNumberGenerator.GetString(Alphabet, 4)}-{RandomNumberGenerator.GetString(Alphabet, 4)}";
}
