using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Web.Features.Suggestions;

/// <summary>
/// The public reference (TS-7K3QX) people quote to us, and the secret token of their private status link.
/// </summary>
public static class SuggestionCodes
{
    /// <summary>Digits and capitals without 0/O, 1/I/L and U, so a reference read aloud or copied by hand survives.</summary>
    public const string ReferenceAlphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const string ReferencePrefix = "TS-";
    public const int ReferenceLength = 5;
    public const int MaxSaveAttempts = 5;

    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;

    public static string NewReference() =>
        ReferencePrefix + RandomNumberGenerator.GetString(ReferenceAlphabet, ReferenceLength);

    /// <summary>256 random bits, base64url without padding: safe in a URL path and impossible to guess.</summary>
    public static string NewStatusToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// Saves a new suggestion. About 24 million references is plenty, but two can still meet: the unique index
    /// refuses the second, and it is saved again with fresh codes.
    /// </summary>
    public static async Task SaveAsync(CatalogueDbContext db, ToolSuggestion suggestion, CancellationToken cancellationToken, Func<string>? newReference = null)
    {
        newReference ??= NewReference;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException ex) when (attempt < MaxSaveAttempts && IsUniqueViolation(ex))
            {
                suggestion.Reference = newReference();
                suggestion.StatusToken = NewStatusToken();
            }
        }
    }

    private static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException
        is SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintUnique }
        or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
