package io.certana.identity.user.rest;

import java.util.Base64;

import io.certana.identity.security.SecureTokens;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * HTML pages for the verification link that a person opens in a browser. The pages load nothing
 * from elsewhere and run no script, and every value written into them is escaped.
 */
public final class VerificationPages {

    private static final String CONTENT_TYPE = "text/html; charset=UTF-8";

    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;"
            + "padding:0 1rem;line-height:1.5}button{font-size:1rem;padding:.5rem 1rem}code{word-break:break-all}";

    /**
     * Allows only the inline style above (by its SHA-256) and form posts to this origin, and forbids
     * framing, so another site cannot overlay the confirm button.
     */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'sha256-" + Base64.getEncoder().encodeToString(SecureTokens.sha256(STYLE))
            + "'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private VerificationPages() {
    }

    /**
     * Builds the page of the mailed link: a button that posts the token back. Opening the link
     * leaves the token unused, because mail scanners fetch links before the recipient does.
     */
    public static Response confirmation(String token) {
        // The relative action resolves to this same path and leaves the token out of the URL.
        String body = """
                <p>Press the button to confirm the email address of your Certana account.</p>
                <form method="post" action="verify-email">
                <input type="hidden" name="token" value="%s">
                <button type="submit">Confirm email address</button>
                </form>
                """.formatted(escape(token));
        return page(Response.Status.OK, "Confirm your email address", body);
    }

    /** Builds the page shown after a token was redeemed. */
    public static Response verified(String email) {
        String body = """
                <p>The email address <strong>%s</strong> is confirmed. You can now log in to Certana.</p>
                """.formatted(escape(email));
        return page(Response.Status.OK, "Email address confirmed", body);
    }

    /** Builds the 400 page for a token that is unknown, expired or already used. */
    public static Response invalidToken() {
        String body = """
                <p>This verification link is unknown, expired or already used.</p>
                <p>If you already confirmed your address, log in as usual. Otherwise request a new
                verification mail: send <code>POST /api/v1/auth/resend-verification</code> with the JSON
                body <code>{"email": "you@example.com"}</code> to this server, then open the link in the
                newest mail. A new mail makes the links in earlier mails invalid.</p>
                """;
        return page(Response.Status.BAD_REQUEST, "Invalid verification link", body);
    }

    /** Builds the 400 page for a request without a token. */
    public static Response missingToken() {
        String body = """
                <p>This link has no verification token. Open the complete link from the verification
                mail; some mail programs break long links across lines, so copy all of it into the
                address bar.</p>
                """;
        return page(Response.Status.BAD_REQUEST, "Missing verification token", body);
    }

    /** Escapes the five characters that are special in HTML text and in quoted attribute values. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static Response page(Response.Status status, String title, String body) {
        String html = """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <title>%s - Certana</title>
                <style>%s</style>
                </head>
                <body>
                <main>
                <h1>%s</h1>
                %s</main>
                </body>
                </html>
                """.formatted(escape(title), STYLE, escape(title), body);
        return Response.status(status)
                .header(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .entity(html)
                .build();
    }
}
