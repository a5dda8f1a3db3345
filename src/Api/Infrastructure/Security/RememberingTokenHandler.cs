using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CustomerCare.Api.Infrastructure.Security;

/// <summary>
/// Validates our own access tokens as <see cref="JsonWebTokenHandler"/> does, and remembers the ones it found valid until
/// they expire: a client sends the same token with every request, and decoding it, checking its signature and building
/// its claims again each time was ~4 % of the API's CPU for a list. What a token carries cannot change (its text is
/// signed), so a remembered result is as good as a new one until the token's expiry plus the allowed clock skew, when
/// the validation would fail; after that it is validated afresh, and refused. Only valid results are remembered: a
/// forged or tampered token is a different text, validated (and refused) every time. The session check runs on every
/// request all the same (<c>OnTokenValidated</c>), so a deactivated account or a changed password takes effect at once.
/// </summary>
/// <remarks>
/// For our own tokens only: their validation parameters are fixed at start-up. An external provider's keys rotate, and
/// its tokens are not remembered. At most <see cref="Capacity"/> tokens are held; when full, the expired ones are
/// dropped, or all of them.
/// </remarks>
internal sealed class RememberingTokenHandler : JsonWebTokenHandler
{
    internal const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, Remembered> _valid = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        // Real time, as the validation itself uses: a token is never accepted here after the validation would refuse it.
        var now = DateTime.UtcNow;
        if (_valid.TryGetValue(token, out var remembered))
        {
            if (now < remembered.Until)
            {
                return remembered.Copy();
            }

            _valid.TryRemove(token, out _);
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is JsonWebToken { ValidTo: var expires } && expires > DateTime.MinValue)
        {
            var until = expires + validationParameters.ClockSkew;
            if (now < until)
            {
                MakeRoom(now);
                _valid[token] = new Remembered(result, until);
            }
        }

        return result;
    }

    private void MakeRoom(DateTime now)
    {
        if (_valid.Count < Capacity)
        {
            return;
        }

        foreach (var (key, value) in _valid)
        {
            if (now >= value.Until)
            {
                _valid.TryRemove(key, out _);
            }
        }

        if (_valid.Count >= Capacity)
        {
            _valid.Clear();
        }
    }

    private sealed record Remembered(TokenValidationResult Result, DateTime Until)
    {
        /// <summary>A result of its own for each request: the identity is copied, so that nothing a request adds to it is shared.</summary>
        public TokenValidationResult Copy() => new()
        {
            IsValid = true,
            ClaimsIdentity = Result.ClaimsIdentity.Clone(),
            SecurityToken = Result.SecurityToken,
            Issuer = Result.Issuer,
            TokenType = Result.TokenType,
        };
    }
}
