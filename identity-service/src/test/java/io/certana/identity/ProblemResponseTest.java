package io.certana.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Every class of malformed request gets a 4xx problem+json response, and no response reveals stack
 * traces, SQL or Java class names.
 */
@QuarkusTest
class ProblemResponseTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @TestHTTPResource("/")
    URL baseUrl;

    @Test
    void unknownRouteIs404() {
        Response response = given().get("/api/v1/no-such-thing");
        assertProblem(response, 404, "not-found");
        assertEquals("/api/v1/no-such-thing", response.path("instance"));
        assertProblem(given().get("/definitely/not/here"), 404, "not-found");
    }

    @Test
    void wrongMethodIs405() {
        Response response = given().get("/api/v1/auth/login");
        assertProblem(response, 405, "method-not-allowed");
        response.then().body("detail",
                equalTo("Method GET is not allowed on /api/v1/auth/login; allowed: OPTIONS, POST."));
        assertProblem(given().delete("/api/v1/auth/jwks"), 405, "method-not-allowed");
    }

    @Test
    void wrongMethodListsAllowedMethods() {
        // Each path of the same resource class lists only its own methods.
        Map<String, String> allowByPath = Map.of(
                "/api/v1/auth/login", "OPTIONS, POST",
                "/api/v1/auth/jwks", "GET, HEAD, OPTIONS",
                "/api/v1/auth/verify-email", "GET, HEAD, OPTIONS, POST");
        allowByPath.forEach((path, allow) -> {
            Response response = given().delete(path);
            assertProblem(response, 405, "method-not-allowed");
            assertEquals(allow, response.header("Allow"), "Allow header of DELETE " + path);
        });
    }

    @Test
    void wrongMethodOnTemplatedPathListsAllowed() {
        Response response = given().put("/api/v1/organizations/" + UUID.randomUUID() + "/api-keys");
        assertProblem(response, 405, "method-not-allowed");
        assertEquals("GET, HEAD, OPTIONS, POST", response.header("Allow"));
    }

    @Test
    void unsupportedContentTypeIs415() {
        assertProblem(given().contentType(ContentType.TEXT).body("email=a").post("/api/v1/auth/login"),
                415, "unsupported-media-type");
        assertProblem(given().contentType("application/xml").body("<a/>").post("/api/v1/auth/signup"),
                415, "unsupported-media-type");
    }

    @Test
    void unacceptableAcceptIs406() {
        assertProblem(given().accept("text/csv").get("/api/v1/auth/jwks"), 406, "not-acceptable");
    }

    @Test
    void malformedJsonIs400() {
        for (String body : List.of("{", "{\"email\": }", "not json", "{\"email\":\"a@b.c\",}")) {
            Response response = given().contentType(ContentType.JSON).body(body).post("/api/v1/auth/login");
            assertProblem(response, 400, "malformed-body");
        }
    }

    @Test
    void wrongJsonTypesAre400WithField() {
        Response response = given().contentType(ContentType.JSON)
                .body("{\"email\": {\"nested\": true}, \"password\": \"x\"}")
                .post("/api/v1/auth/login");
        assertProblem(response, 400, "malformed-body");
        response.then().body("errors.field", hasItem("email"));

        Response wrongList = given().contentType(ContentType.JSON).body("[\"a\"]").post("/api/v1/auth/login");
        assertProblem(wrongList, 400, "malformed-body");

        Response wrongField = given().contentType(ContentType.JSON)
                .body("{\"email\": \"a@example.com\", \"password\": [1, 2]}")
                .post("/api/v1/auth/login");
        assertProblem(wrongField, 400, "malformed-body");
        wrongField.then().body("errors.field", hasItem("password"));
    }

    @Test
    void missingOrInvalidFieldsAre400WithErrors() {
        Response empty = given().contentType(ContentType.JSON).post("/api/v1/auth/signup");
        assertProblem(empty, 400, "validation-failed");
        empty.then().body("errors.field", hasItem("body"));

        Response invalid = given().contentType(ContentType.JSON)
                .body(Map.of("email", "not-an-email", "password", "short"))
                .post("/api/v1/auth/signup");
        assertProblem(invalid, 400, "validation-failed");
        invalid.then()
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("password"))
                .body("errors.field", hasItem("fullName"));
    }

    @Test
    void malformedPathIdIs404() {
        String token = io.certana.testing.TestJwt.forUser(UUID.randomUUID(), "someone@example.com");
        assertProblem(given().auth().oauth2(token).get("/api/v1/organizations/not-a-uuid"), 404, "not-found");
    }

    @Test
    void oversizedBodyIs413() throws Exception {
        // The limit is 1 MiB (quarkus.http.limits.max-body-size). A declared length over it is
        // rejected before any body byte is sent; a raw socket shows exactly what the server sends.
        try (Socket socket = new Socket(baseUrl.getHost(), baseUrl.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 50000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
            assertTrue(answer.contains("https://certana.io/problems/payload-too-large"), answer);
        }
    }

    @Test
    void badCredentialsAre401() {
        assertProblem(given().auth().oauth2("cert_pk_unknownkeyunknownkeyunknownkeyunknownkey00")
                .get("/api/v1/users/me"), 401, "unauthorized");
        assertProblem(given().header("X-API-Key", "garbage").get("/api/v1/users/me"), 401, "unauthorized");
        assertProblem(given().header("X-API-Key", "cert_pk_" + "x".repeat(400)).get("/api/v1/users/me"),
                401, "unauthorized");
        assertProblem(given().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/v1/users/me"),
                401, "unauthorized");
    }

    @Test
    void internalEndpointsNeedToken() {
        assertProblem(given().contentType(ContentType.JSON).body(Map.of("key", "cert_pk_x"))
                .post("/internal/v1/api-keys/introspect"), 401, "unauthorized");
        assertProblem(given().header("X-Internal-Token", "guess").contentType(ContentType.JSON)
                .body(Map.of("key", "cert_pk_x")).post("/internal/v1/api-keys/introspect"), 401, "unauthorized");
        // Unknown internal paths do not reveal whether they exist.
        assertProblem(given().get("/internal/v1/unknown"), 401, "unauthorized");
    }

    @Test
    void unexpectedErrorIs500WithErrorIdOnly() {
        Response response = given().post("/test-support/errors/unexpected");
        assertProblem(response, 500, "internal-error");
        response.then()
                .body("errorId", matchesPattern("[0-9a-f-]{36}"))
                .body("detail", containsString(response.<String>path("errorId")))
                .body("detail", not(containsString("boom")));
    }

    @Test
    void uniqueViolationIs409() {
        Response response = given().post("/test-support/errors/unique-violation");
        assertProblem(response, 409, "conflict");
        response.then().body("detail", not(containsString("users_email_lower_key")));
    }

    /** Checks status, media type and type URI, and that nothing internal leaks. */
    private static void assertProblem(Response response, int status, String slug) {
        String body = response.asString();
        assertEquals(status, response.statusCode(), body);
        assertTrue(response.contentType().startsWith(PROBLEM_JSON), "content type " + response.contentType());
        response.then()
                .body("type", equalTo("https://certana.io/problems/" + slug))
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("detail", notNullValue());
        for (String leak : List.of("Exception", "java.", "io.certana", "org.hibernate", "jakarta.", "SQL", "\tat ",
                "com.fasterxml")) {
            assertFalse(body.contains(leak), "response leaks '" + leak + "': " + body);
        }
    }
}
