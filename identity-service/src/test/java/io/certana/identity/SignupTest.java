package io.certana.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.certana.identity.user.UserRepository;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** Signup rules: one account per email in any letter case, even under concurrent requests. */
@QuarkusTest
class SignupTest {

    @Inject
    UserRepository users;

    @Inject
    MockMailbox mailbox;

    @Test
    void duplicateEmailInAnyCaseIs409() {
        String email = IdentityApi.uniqueEmail("dup");
        IdentityApi.signup(email, IdentityApi.PASSWORD, "First").then().statusCode(201);

        for (String variant : List.of(email, email.toUpperCase(), capitalize(email))) {
            IdentityApi.signup(variant, IdentityApi.PASSWORD, "Second").then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://certana.io/problems/conflict"));
        }
    }

    @Test
    void concurrentSignupsCreateOneUser() throws Exception {
        String email = IdentityApi.uniqueEmail("race");
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                // Alternate letter case, so the unique index on lower(email) is what decides.
                String variant = i % 2 == 0 ? email : email.toUpperCase();
                Callable<Integer> signup = () -> {
                    start.await();
                    return IdentityApi.signup(variant, IdentityApi.PASSWORD, "Racer").statusCode();
                };
                results.add(pool.submit(signup));
            }
            start.countDown();

            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, statuses.stream().filter(status -> status == 201).count(), "statuses: " + statuses);
            assertEquals(threads - 1, statuses.stream().filter(status -> status == 409).count(), "statuses: " + statuses);
        } finally {
            pool.shutdownNow();
        }
        long stored = QuarkusTransaction.requiringNew().call(() -> users.count("lower(email) = lower(?1)", email));
        assertEquals(1, stored);
        String storedEmail = QuarkusTransaction.requiringNew().call(() -> users.findByEmail(email).orElseThrow().email);
        assertEquals(1, mailbox.getMailsSentTo(storedEmail).size());
    }

    @Test
    void passwordLengthLimits() {
        // 9 characters: too short.
        IdentityApi.signup(IdentityApi.uniqueEmail("short"), "123456789", "Short").then()
                .statusCode(400)
                .body("type", equalTo("https://certana.io/problems/validation-failed"))
                .body("errors.field", contains("password"))
                .body("errors.message", contains("must be at least 10 characters long"));
        // 37 two-byte characters are 74 bytes of UTF-8: bcrypt would ignore the last two.
        IdentityApi.signup(IdentityApi.uniqueEmail("long"), "é".repeat(37), "Long").then()
                .statusCode(400)
                .body("errors.field", contains("password"))
                .body("errors.message", contains("must be at most 72 bytes in UTF-8, because bcrypt ignores the rest"));
        // Exactly 72 bytes is accepted, and the full password is needed to log in.
        String email = IdentityApi.uniqueEmail("exact");
        String password = "é".repeat(36);
        IdentityApi.signup(email, password, "Exact").then().statusCode(201);
        IdentityApi.verify(IdentityApi.tokenFromMail(mailbox, email)).then().statusCode(200);
        IdentityApi.login(email, password).then().statusCode(200);
        IdentityApi.login(email, "é".repeat(35)).then().statusCode(401);
    }

    @Test
    void resendAnswers202ForAnyEmail() {
        given().contentType(ContentType.JSON).body(Map.of("email", IdentityApi.uniqueEmail("ghost")))
                .post("/api/v1/auth/resend-verification").then().statusCode(202);

        String email = IdentityApi.uniqueEmail("resend");
        IdentityApi.signup(email, IdentityApi.PASSWORD, "Resend").then().statusCode(201);
        String first = IdentityApi.tokenFromMail(mailbox, email);
        // A resend within the resend interval sends nothing new.
        given().contentType(ContentType.JSON).body(Map.of("email", email))
                .post("/api/v1/auth/resend-verification").then().statusCode(202);
        assertEquals(first, IdentityApi.tokenFromMail(mailbox, email));
        IdentityApi.verify(first).then().statusCode(200);
    }

    private static String capitalize(String value) {
        return Character.toUpperCase(value.charAt(0)) + value.substring(1);
    }
}
