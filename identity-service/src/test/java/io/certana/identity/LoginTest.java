package io.certana.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
            throttle.reserveAttempt(LoginThrottle.emailKey(UUID.randomUUID() + "@example.com"), address);
        }
        String fresh = LoginThrottle.emailKey("fresh@example.com");
        ProblemException blocked = assertThrows(ProblemException.class, () -> throttle.reserveAttempt(fresh, address));
        assertEquals(429, blocked.problem().status());
        assertTrue(blocked.headers().containsKey("Retry-After"));

        // The rejected attempt was rolled back from the email's counter, so the email has all 5 attempts left.
        String otherAddress = LoginThrottle.addressKey("198.51.100.8");
        for (int i = 0; i < 5; i++) {
            throttle.reserveAttempt(fresh, otherAddress);
        }
        assertThrows(ProblemException.class, () -> throttle.reserveAttempt(fresh, otherAddress));
    }

    @Test
    void parallelFailuresStopAtLimit() throws Exception {
        String email = IdentityApi.uniqueEmail("parallel");
        IdentityApi.verifiedUser(mailbox, email);

        int attempts = 12;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                String password = "wrong password " + i;
                statuses.add(pool.submit(() -> {
                    start.await();
                    return IdentityApi.login(email, password).statusCode();
                }));
            }
            start.countDown();

            Map<Integer, Integer> counts = new TreeMap<>();
            for (Future<Integer> status : statuses) {
                counts.merge(status.get(60, TimeUnit.SECONDS), 1, Integer::sum);
            }
            assertEquals(5, counts.getOrDefault(401, 0), "password checks: " + counts);
            assertEquals(attempts - 5, counts.getOrDefault(429, 0), "throttled attempts: " + counts);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void successfulLoginIsNotCounted() {
        String email = IdentityApi.uniqueEmail("regular");
        IdentityApi.verifiedUser(mailbox, email);

        for (int attempt = 1; attempt <= 4; attempt++) {
            IdentityApi.login(email, "wrong password " + attempt).then().statusCode(401);
        }
        IdentityApi.login(email, IdentityApi.PASSWORD).then().statusCode(200);
        for (int attempt = 1; attempt <= 5; attempt++) {
            IdentityApi.login(email, "wrong password again " + attempt).then().statusCode(401);
        }
        IdentityApi.login(email, IdentityApi.PASSWORD).then().statusCode(429);
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
