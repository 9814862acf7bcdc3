using Microsoft.AspNetCore.Identity;

namespace PartnerWatch.WebConsole;

/// <summary>
/// Console passwords are stored as ASP.NET Core Identity hashes (format V3: PBKDF2 with HMAC-SHA512, 100,000 iterations,
/// 128-bit salt), so the configuration never holds a password.
/// </summary>
public static class PasswordHashes
{
    private static readonly PasswordHasher<string> Hasher = new();

    public static string Hash(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        return Hasher.HashPassword("", password);
    }

    public static bool Verify(string hash, string password)
    {
        if (!LooksLikeHash(hash) || string.IsNullOrEmpty(password)) return false;
        try
        {
            return Hasher.VerifyHashedPassword("", hash, password) != PasswordVerificationResult.Failed;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>A V3 hash is base64 of at least 61 bytes starting with the format marker 0x01.</summary>
    public static bool LooksLikeHash(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length < 80) return false;
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var length) && length >= 61 && buffer[0] == 0x01;
    }
}
