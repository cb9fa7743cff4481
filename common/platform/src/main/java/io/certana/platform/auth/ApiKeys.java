package io.certana.platform.auth;

import io.vertx.core.http.HttpServerRequest;

/** Header names, format and extraction of API keys. */
public final class ApiKeys {

    /** Prefix of every Certana API key; it distinguishes a key from a JWT in a bearer header. */
    public static final String PREFIX = "cert_pk_";

    /** Header that carries an API key as an alternative to {@code Authorization: Bearer}. */
    public static final String HEADER = "X-API-Key";

    /** Maximum accepted key length, in characters. Real keys are far shorter, so this only bounds input. */
    public static final int MAX_LENGTH = 256;

    private static final String BEARER = "bearer ";

    private ApiKeys() {
    }

    /**
     * Returns the API key sent with the request, from {@code X-API-Key} or from an
     * {@code Authorization: Bearer cert_pk_...} header, or null when the request carries none.
     * A bearer value without the prefix is left to the JWT mechanism.
     */
    public static String extract(HttpServerRequest request) {
        String header = request.getHeader(HEADER);
        if (header != null && !header.isBlank()) {
            return header.trim();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String token = authorization.substring(BEARER.length()).trim();
            if (token.startsWith(PREFIX)) {
                return token;
            }
        }
        return null;
    }

    /** Returns whether a value has the shape of a Certana API key (prefix and bounded length). */
    public static boolean hasKeyShape(String value) {
        return value != null && value.startsWith(PREFIX) && value.length() > PREFIX.length()
                && value.length() <= MAX_LENGTH;
    }
}
