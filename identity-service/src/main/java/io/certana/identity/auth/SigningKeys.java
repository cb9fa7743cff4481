package io.certana.identity.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.certana.identity.config.IdentityConfig;
import io.quarkus.logging.Log;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The RSA key pair that signs access tokens (RS256). The private key comes from configuration: PEM
 * content, a PEM file or classpath resource, or, in dev only, a pair generated on first start into
 * {@code certana.identity.jwt.generated-key-dir}. The public half is published as a JWKS.
 */
@ApplicationScoped
public class SigningKeys {

    static final String PRIVATE_KEY_FILE = "jwt-private.pem";
    static final String PUBLIC_KEY_FILE = "jwt-public.pem";
    private static final String CLASSPATH_PREFIX = "classpath:";
    private static final String FILE_PREFIX = "file:";
    private static final int GENERATED_KEY_BITS = 2048;

    private final PrivateKey privateKey;
    private final RSAPublicKey publicKey;
    private final String keyId;

    public SigningKeys(IdentityConfig config) {
        this.privateKey = loadPrivateKey(config.jwt());
        this.publicKey = publicKeyOf(privateKey);
        this.keyId = thumbprint(publicKey);
        Log.infof("Access tokens are signed with RSA key %s", keyId);
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    /** Key id ({@code kid}): the RFC 7638 JWK thumbprint of the public key. */
    public String keyId() {
        return keyId;
    }

    /** Returns the public key as a JSON Web Key Set (RFC 7517), for services that verify tokens. */
    public Map<String, Object> jwks() {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("kty", "RSA");
        key.put("use", "sig");
        key.put("alg", "RS256");
        key.put("kid", keyId);
        key.put("n", base64Url(publicKey.getModulus()));
        key.put("e", base64Url(publicKey.getPublicExponent()));
        return Map.of("keys", List.of(key));
    }

    private static PrivateKey loadPrivateKey(IdentityConfig.Jwt config) {
        try {
            if (config.privateKey().isPresent()) {
                return KeyUtils.decodePrivateKey(config.privateKey().get().trim());
            }
            if (config.privateKeyLocation().isPresent()) {
                return KeyUtils.decodePrivateKey(readLocation(config.privateKeyLocation().get()));
            }
            if (config.generatedKeyDir().isPresent()) {
                return loadOrGenerate(config.generatedKeyDir().get());
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Could not read the JWT signing key: " + e.getMessage()
                    + ". Provide an RSA private key in PKCS#8 PEM form.", e);
        }
        throw new IllegalStateException("No JWT signing key configured: set certana.identity.jwt.private-key "
                + "(PEM content) or certana.identity.jwt.private-key-location (file), for example through "
                + "CERTANA_IDENTITY_JWT_PRIVATE_KEY_LOCATION.");
    }

    /**
     * Reads a PEM from a file path ({@code file:} prefix optional) or, when no such file exists or
     * the location starts with {@code classpath:}, from the classpath.
     */
    private static String readLocation(String location) throws IOException {
        if (!location.startsWith(CLASSPATH_PREFIX)) {
            Path file = Path.of(location.startsWith(FILE_PREFIX) ? location.substring(FILE_PREFIX.length()) : location);
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
        }
        String resource = location.startsWith(CLASSPATH_PREFIX) ? location.substring(CLASSPATH_PREFIX.length()) : location;
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream(resource.startsWith("/") ? resource.substring(1) : resource)) {
            if (in == null) {
                throw new IOException("no file or classpath resource at " + location);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static PrivateKey loadOrGenerate(Path directory) throws IOException, GeneralSecurityException {
        Path privateFile = directory.resolve(PRIVATE_KEY_FILE);
        Path publicFile = directory.resolve(PUBLIC_KEY_FILE);
        if (Files.exists(privateFile)) {
            PrivateKey existing = KeyUtils.decodePrivateKey(Files.readString(privateFile, StandardCharsets.UTF_8));
            if (!Files.exists(publicFile)) {
                writePem(publicFile, "PUBLIC KEY", publicKeyOf(existing).getEncoded(), false);
            }
            Log.infof("Using the JWT key pair in %s", directory.toAbsolutePath().normalize());
            return existing;
        }
        KeyPair pair = KeyUtils.generateKeyPair(GENERATED_KEY_BITS);
        Files.createDirectories(directory);
        writePem(privateFile, "PRIVATE KEY", pair.getPrivate().getEncoded(), true);
        writePem(publicFile, "PUBLIC KEY", pair.getPublic().getEncoded(), false);
        Log.infof("Generated a %d-bit RSA key pair for JWTs in %s", GENERATED_KEY_BITS,
                directory.toAbsolutePath().normalize());
        return pair.getPrivate();
    }

    private static void writePem(Path file, String type, byte[] der, boolean ownerOnly) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        String pem = "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
        try {
            Files.writeString(file, pem, StandardCharsets.UTF_8);
            if (ownerOnly && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    private static RSAPublicKey publicKeyOf(PrivateKey privateKey) {
        if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalStateException("The JWT signing key must be an RSA private key with CRT parameters "
                    + "(the PKCS#8 form openssl genpkey writes).");
        }
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not derive the public key from the JWT signing key", e);
        }
    }

    /** RFC 7638: SHA-256 over the required members in lexicographic order, without whitespace. */
    private static String thumbprint(RSAPublicKey key) {
        String canonical = "{\"e\":\"" + base64Url(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
                + base64Url(key.getModulus()) + "\"}";
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    /** Base64url of an unsigned big-endian integer without leading zero bytes (RFC 7518, section 6.3.1). */
    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            bytes = trimmed;
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
