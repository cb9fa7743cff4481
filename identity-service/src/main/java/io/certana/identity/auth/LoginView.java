package io.certana.identity.auth;

/**
 * Response of a successful login.
 *
 * @param accessToken the JWT to send as {@code Authorization: Bearer <accessToken>}
 * @param tokenType always {@code Bearer}
 * @param expiresIn seconds until the token expires
 */
public record LoginView(String accessToken, String tokenType, long expiresIn) {
}
