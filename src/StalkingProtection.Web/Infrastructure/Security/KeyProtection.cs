using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace StalkingProtection.Web.Infrastructure.Security;

/// <summary>
/// The key-encryption key that wraps the Data Protection key ring, which lives in the database beside the ciphertext
/// it protects. The key itself never goes into the database (docs/adr/0007-key-ring-wrapped-by-a-key-kept-outside-the-database.md).
/// </summary>
public sealed class KeyProtectionOptions
{
    public const string SectionName = "StalkingProtection:KeyProtection";

    /// <summary>Base64 of 32 random bytes (AES-256), usually given as an environment variable.</summary>
    public string KeyEncryptionKey { get; set; } = "";

    /// <summary>A file holding the key as base64, readable only by the service (e.g. a mounted secret).</summary>
    public string KeyEncryptionKeyFile { get; set; } = "";

    /// <summary>Earlier keys, kept only until <c>rotate-keys</c> has re-wrapped the key ring with the current one.</summary>
    public List<string> RetiredKeyEncryptionKeys { get; set; } = [];

    public static IEnumerable<string> Validate(KeyProtectionOptions options, bool isDevelopment)
    {
        var hasValue = !string.IsNullOrWhiteSpace(options.KeyEncryptionKey);
        var hasFile = !string.IsNullOrWhiteSpace(options.KeyEncryptionKeyFile);
        if (hasValue && hasFile)
        {
            yield return $"{SectionName}: set KeyEncryptionKey or KeyEncryptionKeyFile, not both.";
        }
        else if (!hasValue && !hasFile && !isDevelopment)
        {
            yield return $"{SectionName}:KeyEncryptionKey (or KeyEncryptionKeyFile) must be set outside Development: base64 of 32 random bytes, kept outside the database, which wraps the keys that encrypt victims' contact details.";
        }
        else if (hasFile && !File.Exists(options.KeyEncryptionKeyFile))
        {
            yield return $"{SectionName}:KeyEncryptionKeyFile {options.KeyEncryptionKeyFile} does not exist or cannot be read.";
        }
        else if ((hasValue || hasFile) && !KeyEncryptionKeys.TryDecode(hasValue ? options.KeyEncryptionKey : ReadFile(options.KeyEncryptionKeyFile), out _))
        {
            yield return $"{SectionName}:KeyEncryptionKey must be base64 of exactly 32 bytes (e.g. `openssl rand -base64 32`).";
        }

        if (options.RetiredKeyEncryptionKeys.Any(k => !KeyEncryptionKeys.TryDecode(k, out _)))
        {
            yield return $"{SectionName}:RetiredKeyEncryptionKeys must each be base64 of exactly 32 bytes.";
        }
    }

    internal static string ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}

/// <summary>The current key-encryption key and any retired ones, each known by an identifier derived from it.</summary>
public sealed class KeyEncryptionKeys
{
    private const int KeyBytes = 32;
    private readonly Dictionary<string, byte[]> _all = new(StringComparer.Ordinal);

    public KeyEncryptionKeys(byte[] current, IEnumerable<byte[]> retired)
    {
        CurrentId = IdOf(current);
        Current = current;
        _all[CurrentId] = current;
        foreach (var key in retired)
        {
            _all.TryAdd(IdOf(key), key);
        }
    }

    public string CurrentId { get; }

    internal byte[] Current { get; }

    /// <summary>The file the development key is kept in, under the data folder, made on first start.</summary>
    public const string DevelopmentKeyFileName = "development-only-key-encryption-key.txt";

    public static KeyEncryptionKeys FromOptions(KeyProtectionOptions options, string developmentKeyFolder, bool isDevelopment)
    {
        var failures = KeyProtectionOptions.Validate(options, isDevelopment).ToList();
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(KeyProtectionOptions.SectionName, typeof(KeyProtectionOptions), failures);
        }

        var text = !string.IsNullOrWhiteSpace(options.KeyEncryptionKey) ? options.KeyEncryptionKey
            : !string.IsNullOrWhiteSpace(options.KeyEncryptionKeyFile) ? KeyProtectionOptions.ReadFile(options.KeyEncryptionKeyFile)
            : DevelopmentKey(developmentKeyFolder);
        TryDecode(text, out var current);
        var retired = options.RetiredKeyEncryptionKeys.Select(k => TryDecode(k, out var key) ? key : []).Where(k => k.Length == KeyBytes);
        return new KeyEncryptionKeys(current, retired);
    }

    public bool TryGet(string id, out byte[] key) => _all.TryGetValue(id, out key!);

    public static bool TryDecode(string? text, out byte[] key)
    {
        key = [];
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var buffer = new byte[text.Length];
        if (!Convert.TryFromBase64String(text.Trim(), buffer, out var length) || length != KeyBytes)
        {
            return false;
        }

        key = buffer[..length];
        return true;
    }

    public static string IdOf(byte[] key) => Convert.ToHexStringLower(SHA256.HashData([.. "StalkingProtection.KeyEncryptionKey.Id"u8, .. key]))[..16];

    // Development only (the options refuse a missing key anywhere else): `dotnet run` works on a fresh clone.
    private static string DevelopmentKey(string folder)
    {
        var file = Path.Combine(folder, DevelopmentKeyFileName);
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(file, Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes)));
        }

        return File.ReadAllText(file).Trim();
    }
}

/// <summary>Wraps each Data Protection key with AES-256-GCM under the current key-encryption key.</summary>
public sealed class KeyEncryptionKeyXmlEncryptor(KeyEncryptionKeys keys) : IXmlEncryptor
{
    internal const string ElementName = "keyEncryptionKeyWrapped";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        var tag = new byte[TagBytes];
        var ciphertext = new byte[plaintext.Length];
        using (var aes = new AesGcm(keys.Current, TagBytes))
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag, Encoding.UTF8.GetBytes(keys.CurrentId));
        }

        CryptographicOperations.ZeroMemory(plaintext);
        var element = new XElement(ElementName,
            new XAttribute("keyId", keys.CurrentId),
            new XElement("value", Convert.ToBase64String([.. nonce, .. tag, .. ciphertext])));
        return new EncryptedXmlInfo(element, typeof(KeyEncryptionKeyXmlDecryptor));
    }
}

/// <summary>Unwraps a Data Protection key with whichever configured key-encryption key wrapped it.</summary>
public sealed class KeyEncryptionKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var keys = services.GetService<KeyEncryptionKeys>()
            ?? throw new CryptographicException("No key-encryption key is configured.");
        var id = (string?)encryptedElement.Attribute("keyId") ?? "";
        if (!keys.TryGet(id, out var key))
        {
            throw new CryptographicException(
                $"The key-encryption key {id} that wraps this Data Protection key is not configured: add it to {KeyProtectionOptions.SectionName}:RetiredKeyEncryptionKeys and run rotate-keys.");
        }

        var data = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? "");
        var nonce = data.AsSpan(0, NonceBytes);
        var tag = data.AsSpan(NonceBytes, TagBytes);
        var ciphertext = data.AsSpan(NonceBytes + TagBytes);
        var plaintext = new byte[ciphertext.Length];
        using (var aes = new AesGcm(key, TagBytes))
        {
            aes.Decrypt(nonce, ciphertext, tag, plaintext, Encoding.UTF8.GetBytes(id));
        }

        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}

public static class KeyProtectionServiceCollectionExtensions
{
    /// <summary>Registers the key-encryption keys and makes Data Protection wrap every new key with the current one.</summary>
    public static IServiceCollection AddKeyProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment,
        string developmentKeyFolder)
    {
        var isDevelopment = environment.IsDevelopment();
        services.AddOptions<KeyProtectionOptions>().Bind(configuration.GetSection(KeyProtectionOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KeyProtectionOptions>>(new KeyProtectionOptionsValidator(isDevelopment));
        services.AddSingleton(sp => KeyEncryptionKeys.FromOptions(sp.GetRequiredService<IOptions<KeyProtectionOptions>>().Value, developmentKeyFolder, isDevelopment));
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((o, sp) =>
            o.XmlEncryptor = new KeyEncryptionKeyXmlEncryptor(sp.GetRequiredService<KeyEncryptionKeys>()));
        services.AddScoped<KeyRotation>();
        return services;
    }

    private sealed class KeyProtectionOptionsValidator(bool isDevelopment) : IValidateOptions<KeyProtectionOptions>
    {
        public ValidateOptionsResult Validate(string? name, KeyProtectionOptions options)
        {
            var failures = KeyProtectionOptions.Validate(options, isDevelopment).ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
