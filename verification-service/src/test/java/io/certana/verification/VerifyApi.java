package io.certana.verification;

import static io.restassured.RestAssured.given;

import io.certana.imaging.attack.Attacks;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Drives verification-service's verify endpoint the way a client does, for the tests. */
final class VerifyApi {

    private VerifyApi() {
    }

    static Response verifyWithKey(String apiKey, byte[] bytes, String fileName, String mediaType) {
        return given().header("X-API-Key", apiKey).multiPart("file", fileName, bytes, mediaType)
                .post("/api/v1/verify");
    }

    static Response verifyWithKey(String apiKey, Attacks.Copy copy) {
        return verifyWithKey(apiKey, copy.bytes(), copy.name() + (copy.mediaType().endsWith("png") ? ".png" : ".jpg"),
                copy.mediaType());
    }

    /** Verifies without credentials, as the client at {@code clientAddress} behind the trusted test proxy. */
    static Response verifyAnonymously(String clientAddress, byte[] bytes, String fileName, String mediaType) {
        RequestSpecification request = given().header("X-Forwarded-For", clientAddress);
        return request.multiPart("file", fileName, bytes, mediaType).post("/api/v1/verify");
    }
}
