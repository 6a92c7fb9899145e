using System.Security.Cryptography;
using System.Text;

namespace SyncHub.Core.ApiKeys;

/// <summary>API keys are random, shown once, and stored only as a SHA-256 hash (they carry full entropy, so no salt is needed).</summary>
public static class ApiKeyHasher
{
    public const string KeyPrefix = "shk_";

    public static string NewKey() => KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool FixedTimeEquals(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
