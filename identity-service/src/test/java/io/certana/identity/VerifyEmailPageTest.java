package io.certana.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * The verification link opened in a browser: GET shows a form without redeeming the token, the
 * form post redeems it, and the JSON API stays as it was.
 */
@QuarkusTest
class VerifyEmailPageTest {

    private static final String PATH = "/api/v1/auth/verify-email";

    @Inject
    MockMailbox mailbox;

    @Test
    void getShowsFormAndKeepsTokenUsable() {
        String email = IdentityApi.uniqueEmail("page");
        IdentityApi.signup(email, IdentityApi.PASSWORD, "Page").then().statusCode(201);
        String token = IdentityApi.tokenFromMail(mailbox, email);

        // Opened twice, as a mail scanner and then the recipient would.
        for (int i = 0; i < 2; i++) {
            Response page = given().accept("text/html").queryParam("token", token).get(PATH);
            assertHtmlPage(page, 200);
            String html = page.asString();
            assertTrue(html.contains("<form method=\"post\" action=\"verify-email\">"), html);
            assertTrue(html.contains("<input type=\"hidden\" name=\"token\" value=\"" + token + "\">"), html);
        }
        IdentityApi.login(email, IdentityApi.PASSWORD).then().statusCode(403);

        IdentityApi.verify(token).then().statusCode(200).body("isVerified", equalTo(true));
    }

    @Test
    void formPostVerifiesOnce() {
        String email = IdentityApi.uniqueEmail("form");
        IdentityApi.signup(email, IdentityApi.PASSWORD, "Form").then().statusCode(201);
        String token = IdentityApi.tokenFromMail(mailbox, email);

        Response verified = postForm(token);
        assertHtmlPage(verified, 200);
        assertTrue(verified.asString().contains("Email address confirmed"), verified.asString());
        assertTrue(verified.asString().contains(email), verified.asString());
        IdentityApi.login(email, IdentityApi.PASSWORD).then().statusCode(200);

        Response again = postForm(token);
        assertHtmlPage(again, 400);
        assertTrue(again.asString().contains("Invalid verification link"), again.asString());
        assertTrue(again.asString().contains("/api/v1/auth/resend-verification"), again.asString());
    }

    @Test
    void jsonPostUnchanged() {
        String email = IdentityApi.uniqueEmail("json");
        IdentityApi.signup(email, IdentityApi.PASSWORD, "Json").then().statusCode(201);
        String token = IdentityApi.tokenFromMail(mailbox, email);

        IdentityApi.verify(token).then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("email", equalTo(email))
                .body("isVerified", equalTo(true));
        IdentityApi.verify(token).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://certana.io/problems/invalid-verification-token"));
    }

    @Test
    void missingTokenGives400Page() {
        Response noParameter = given().get(PATH);
        assertHtmlPage(noParameter, 400);
        assertTrue(noParameter.asString().contains("Missing verification token"), noParameter.asString());

        assertHtmlPage(given().queryParam("token", " ").get(PATH), 400);

        Response emptyForm = given().contentType(ContentType.URLENC).formParam("other", "x").post(PATH);
        assertHtmlPage(emptyForm, 400);
        assertTrue(emptyForm.asString().contains("Missing verification token"), emptyForm.asString());
    }

    @Test
    void tokenIsEscapedInPage() {
        String hostile = "\"><script>alert('x')</script>&";
        Response page = given().queryParam("token", hostile).get(PATH);
        assertHtmlPage(page, 200);
        String html = page.asString();
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("value=\"&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;\""), html);

        Response posted = postForm(hostile);
        assertHtmlPage(posted, 400);
        assertFalse(posted.asString().contains("<script>"), posted.asString());
    }

    @Test
    void overlongTokenGivesInvalidPage() {
        String overlong = "a".repeat(129);
        Response page = given().queryParam("token", overlong).get(PATH);
        assertHtmlPage(page, 400);
        assertTrue(page.asString().contains("Invalid verification link"), page.asString());
        assertHtmlPage(postForm(overlong), 400);
    }

    private static Response postForm(String token) {
        return given().accept("text/html").contentType(ContentType.URLENC).formParam("token", token).post(PATH);
    }

    /** Checks status, media type and the headers that keep the page and its token private. */
    private static void assertHtmlPage(Response response, int status) {
        assertEquals(status, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith("text/html"), "content type " + response.contentType());
        assertEquals("no-store", response.header("Cache-Control"));
        assertEquals("no-referrer", response.header("Referrer-Policy"));
        assertEquals("nosniff", response.header("X-Content-Type-Options"));

        String policy = response.header("Content-Security-Policy");
        assertNotNull(policy, "Content-Security-Policy header");
        assertTrue(policy.startsWith("default-src 'none';"), policy);
        assertTrue(policy.contains("form-action 'self'"), policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertFalse(policy.contains("unsafe-inline"), policy);
        assertFalse(response.asString().contains("<script"), response.asString());
    }
}
