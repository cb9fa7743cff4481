package io.certana.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.certana.identity.auth.LoginThrottle;
import io.certana.platform.problem.ProblemException;
import io.certana.testing.TestJwt;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Login responses, throttling of repeated failures, and access token checks. */
@QuarkusTest
class LoginTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    LoginThrottle throttle;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void clearFailureCounters() {
        // All test requests come from 127.0.0.1, so failures of other tests count against it.
        QuarkusTransaction.requiringNew().run(() ->
                entityManager.createNativeQuery("DELETE FROM login_failures").executeUpdate());
    }

    @Test
    void unknownEmailAndWrongPasswordLookAlike() {
        String email = IdentityApi.uniqueEmail("known");
        IdentityApi.verifiedUser(mailbox, email);

        Response wrongPassword = IdentityApi.login(email, "wrong password 123");
        Response unknownEmail = IdentityApi.login(IdentityApi.uniqueEmail("unknown"), "wrong password 123");

        assertEquals(401, wrongPassword.statusCode());
        assertEquals(401, unknownEmail.statusCode());
        assertEquals(wrongPassword.contentType(), unknownEmail.contentType());
        assertEquals(wrongPassword.<String>path("detail"), unknownEmail.<String>path("detail"));
        assertEquals(wrongPassword.<String>path("type"), unknownEmail.<String>path("type"));
    }

    @Test
    void unverifiedAccountNeedsRightPasswordFor403() {
        String email = IdentityApi.uniqueEmail("pending");
        IdentityApi.signup(email, IdentityApi.PASSWORD, "Pending").then().statusCode(201);

        IdentityApi.login(email, "wrong password 123").then().statusCode(401);
        IdentityApi.login(email, IdentityApi.PASSWORD).then().statusCode(403)
                .body("type", equalTo("https://certana.io/problems/email-not-verified"));
    }

    @Test
    void repeatedFailuresAreThrottled() {
        String email = IdentityApi.uniqueEmail("target");
        IdentityApi.verifiedUser(mailbox, email);

        for (int attempt = 1; attempt <= 5; attempt++) {
            IdentityApi.login(email, "wrong password " + attempt).then().statusCode(401);
        }
        Response throttled = IdentityApi.login(email, "wrong password 6");
        throttled.then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://certana.io/problems/rate-limited"));
        assertEquals("5", throttled.header("RateLimit-Limit"));
        assertEquals("0", throttled.header("RateLimit-Remaining"));
        assertEquals(throttled.header("Retry-After"), throttled.header("RateLimit-Reset"));
        long retryAfter = Long.parseLong(throttled.header("Retry-After"));
        assertTrue(retryAfter > 0, "Retry-After must be positive: " + retryAfter);
        assertTrue(retryAfter <= 15 * 60 + 1, "Retry-After beyond the 15-minute window: " + retryAfter);

        // Throttled even with the right password, and in another letter case.
        IdentityApi.login(email.toUpperCase(), IdentityApi.PASSWORD).then().statusCode(429);
        // Another account from the same address is not affected yet.
        String other = IdentityApi.uniqueEmail("bystander");
        IdentityApi.verifiedUser(mailbox, other);
        IdentityApi.login(other, IdentityApi.PASSWORD).then().statusCode(200);
    }

    @Test
    void addressIsThrottledAcrossEmails() {
        // Straight through the throttle with an address no HTTP test uses: 50 failures over 50
        // emails would take 50 bcrypt runs over HTTP.
        String address = LoginThrottle.addressKey("198.51.100.7");
        for (int i = 0; i < 50; i++) {
            String emailKey = LoginThrottle.emailKey(UUID.randomUUID() + "@example.com");
            throttle.checkAllowed(emailKey, address);
            throttle.recordFailure(emailKey, address);
        }
        ProblemException blocked = assertThrows(ProblemException.class,
                () -> throttle.checkAllowed(LoginThrottle.emailKey("fresh@example.com"), address));
        assertEquals(429, blocked.problem().status());
        assertTrue(blocked.headers().containsKey("Retry-After"));
        throttle.checkAllowed(LoginThrottle.emailKey("fresh@example.com"), LoginThrottle.addressKey("198.51.100.8"));
    }

    @Test
    void accessTokensAreChecked() {
        String email = IdentityApi.uniqueEmail("jwt");
        UUID userId = IdentityApi.verifiedUser(mailbox, email);

        given().auth().oauth2(TestJwt.forUser(userId, email)).get("/api/v1/users/me").then().statusCode(200)
                .body("email", equalTo(email));
        given().auth().oauth2(TestJwt.expiredForUser(userId, email)).get("/api/v1/users/me").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().auth().oauth2(TestJwt.signedByUnknownKey(userId, email)).get("/api/v1/users/me").then()
                .statusCode(401);
        given().auth().oauth2("not.a.jwt").get("/api/v1/users/me").then().statusCode(401);
        given().get("/api/v1/users/me").then().statusCode(401).contentType("application/problem+json");
        // A valid token for an account that does not exist.
        given().auth().oauth2(TestJwt.forUser(UUID.randomUUID(), "ghost@example.com")).get("/api/v1/users/me")
                .then().statusCode(401);
    }

    @Test
    void jwksPublishesTheVerificationKey() {
        given().get("/api/v1/auth/jwks").then().statusCode(200)
                .body("keys[0].kty", equalTo("RSA"))
                .body("keys[0].alg", equalTo("RS256"))
                .body("keys[0].use", equalTo("sig"))
                .body("keys[0].kid", notNullValue())
                .body("keys[0].n", notNullValue())
                .body("keys[0].e", equalTo("AQAB"));
    }
}
