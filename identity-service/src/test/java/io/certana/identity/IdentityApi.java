package io.certana.identity;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Drives identity-service over HTTP the way a client does, for the tests' setup steps. */
final class IdentityApi {

    static final String PASSWORD = "correct horse battery staple";

    private static final Pattern TOKEN_IN_LINK = Pattern.compile("\\?token=([A-Za-z0-9_-]+)");

    private IdentityApi() {
    }

    /** Returns a fresh address, so tests never collide with each other's accounts. */
    static String uniqueEmail(String name) {
        return name + "-" + UUID.randomUUID() + "@example.com";
    }

    static Response signup(String email, String password, String fullName) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password, "fullName", fullName))
                .post("/api/v1/auth/signup");
    }

    /** Returns the token from the newest verification mail sent to {@code email}. */
    static String tokenFromMail(MockMailbox mailbox, String email) {
        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertTrue(mails != null, "no mail was sent to " + email);
        assertTrue(!mails.isEmpty(), "no verification mail was sent to " + email);
        String text = mails.get(mails.size() - 1).getText();
        Matcher matcher = TOKEN_IN_LINK.matcher(text);
        assertTrue(matcher.find(), "the verification mail has no link ending in ?token=: " + text);
        return matcher.group(1);
    }

    static Response verify(String token) {
        return given().contentType(ContentType.JSON).body(Map.of("token", token)).post("/api/v1/auth/verify-email");
    }

    static Response login(String email, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/login");
    }

    /** Signs up, verifies through the mailed token, and returns the new user's id. */
    static UUID verifiedUser(MockMailbox mailbox, String email) {
        Response signup = signup(email, PASSWORD, "Test User");
        assertEquals(201, signup.statusCode(), signup.asString());
        assertEquals(200, verify(tokenFromMail(mailbox, email)).statusCode());
        return UUID.fromString(signup.path("id"));
    }

    /** Logs in with {@link #PASSWORD} and returns the access token. */
    static String accessToken(String email) {
        Response login = login(email, PASSWORD);
        assertEquals(200, login.statusCode(), login.asString());
        return login.path("accessToken");
    }

    static UUID createOrganization(String accessToken, String name) {
        Response created = given().auth().oauth2(accessToken)
                .contentType(ContentType.JSON)
                .body(Map.of("name", name))
                .post("/api/v1/organizations");
        assertEquals(201, created.statusCode(), created.asString());
        return UUID.fromString(created.path("id"));
    }

    static Response addMember(String accessToken, UUID organizationId, String email, String role) {
        return given().auth().oauth2(accessToken)
                .contentType(ContentType.JSON)
                .body(Map.of("email", email, "role", role))
                .post("/api/v1/organizations/{orgId}/members", organizationId);
    }

    static Response createApiKey(String accessToken, UUID organizationId, Map<String, Object> body) {
        return given().auth().oauth2(accessToken)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/organizations/{orgId}/api-keys", organizationId);
    }
}
