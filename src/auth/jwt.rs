//! Issuing and checking HS256 JWTs. Only HS256 is accepted: a token with any other `alg`
//! (including `none`) is invalid, whatever its signature says.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use entity::enums::Role;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, errors::ErrorKind};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};

use super::{AuthError, Viewer};

/// The claims of a Synapse token.
#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    sub: String,
    role: Role,
    iat: u64,
    exp: u64,
}

/// Signs and verifies tokens with one secret.
#[derive(Clone)]
pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    ttl: Duration,
}

impl std::fmt::Debug for JwtKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JwtKeys").field("ttl", &self.ttl).finish_non_exhaustive()
    }
}

impl JwtKeys {
    /// Keys from the configured secret.
    pub fn new(secret: &SecretString, ttl: Duration) -> Self {
        let bytes = secret.expose_secret().as_bytes();
        Self { encoding: EncodingKey::from_secret(bytes), decoding: DecodingKey::from_secret(bytes), ttl }
    }

    /// A token for `viewer`, valid for the configured lifetime.
    pub fn issue(&self, viewer: &Viewer) -> anyhow::Result<String> {
        let now = now_secs();
        let claims =
            Claims { sub: viewer.user_id.to_string(), role: viewer.role, iat: now, exp: now + self.ttl.as_secs() };
        Ok(jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)?)
    }

    /// The viewer a token names, if it is well formed, signed with our secret and not expired.
    pub fn verify(&self, token: &str) -> Result<Viewer, AuthError> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = 5;
        validation.set_required_spec_claims(&["exp", "sub", "iat"]);
        let data =
            jsonwebtoken::decode::<Claims>(token, &self.decoding, &validation).map_err(|err| match err.kind() {
                ErrorKind::ExpiredSignature => AuthError::Expired,
                _ => AuthError::Invalid,
            })?;
        let user_id = data.claims.sub.parse().map_err(|_| AuthError::Invalid)?;
        Ok(Viewer { user_id, role: data.claims.role })
    }

    /// The identity carried by an `Authorization` header value (`Bearer <jwt>`).
    pub fn identify(&self, header: Option<&str>) -> Result<Viewer, AuthError> {
        let header = header.map(str::trim).filter(|h| !h.is_empty()).ok_or(AuthError::Missing)?;
        let token =
            header.strip_prefix("Bearer ").or_else(|| header.strip_prefix("bearer ")).ok_or(AuthError::Invalid)?;
        self.verify(token.trim())
    }
}

fn now_secs() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;

    use super::*;

    fn keys(secret: &str) -> JwtKeys {
        JwtKeys::new(&SecretString::from(secret.to_owned()), Duration::from_secs(3600))
    }

    fn viewer() -> Viewer {
        Viewer { user_id: 7, role: Role::Tester }
    }

    fn forge(header: &str, claims: &serde_json::Value, signature: &str) -> String {
        format!("{}.{}.{}", URL_SAFE_NO_PAD.encode(header), URL_SAFE_NO_PAD.encode(claims.to_string()), signature)
    }

    #[test]
    fn a_token_round_trips() {
        let keys = keys("a-secret-of-sufficient-length");
        let token = keys.issue(&viewer()).expect("issue");
        assert_eq!(keys.verify(&token), Ok(viewer()));
        assert_eq!(keys.identify(Some(&format!("Bearer {token}"))), Ok(viewer()));
    }

    #[test]
    fn a_missing_header_is_missing() {
        assert_eq!(keys("a-secret-of-sufficient-length").identify(None), Err(AuthError::Missing));
    }

    #[test]
    fn a_wrongly_signed_token_is_invalid() {
        let token = keys("a-secret-of-sufficient-length").issue(&viewer()).expect("issue");
        assert_eq!(keys("another-secret-entirely!!").verify(&token), Err(AuthError::Invalid));
    }

    #[test]
    fn malformed_tokens_are_invalid() {
        let keys = keys("a-secret-of-sufficient-length");
        for token in ["", "abc", "a.b.c", "Basic xyz"] {
            assert_eq!(keys.verify(token), Err(AuthError::Invalid), "{token}");
        }
        assert_eq!(keys.identify(Some("Token abc")), Err(AuthError::Invalid));
    }

    #[test]
    fn alg_none_is_refused() {
        let claims = serde_json::json!({"sub": "1", "role": "ADMIN", "iat": now_secs(), "exp": now_secs() + 600});
        let token = forge(r#"{"alg":"none","typ":"JWT"}"#, &claims, "");
        assert_eq!(keys("a-secret-of-sufficient-length").verify(&token), Err(AuthError::Invalid));
    }

    #[test]
    fn an_expired_token_is_expired() {
        let keys = keys("a-secret-of-sufficient-length");
        let claims = Claims { sub: "7".into(), role: Role::Tester, iat: now_secs() - 7200, exp: now_secs() - 3600 };
        let token = jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &keys.encoding).expect("encode");
        assert_eq!(keys.verify(&token), Err(AuthError::Expired));
    }
}
