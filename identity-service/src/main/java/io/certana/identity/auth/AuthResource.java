package io.certana.identity.auth;

import java.net.URI;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.certana.identity.auth.AccessTokenIssuer.AccessToken;
import io.certana.identity.user.User;
import io.certana.identity.user.rest.ResendVerificationRequest;
import io.certana.identity.user.rest.SignupRequest;
import io.certana.identity.user.rest.UserView;
import io.certana.identity.user.rest.VerificationPages;
import io.certana.identity.user.rest.VerifiedView;
import io.certana.identity.user.rest.VerifyEmailRequest;
import io.certana.identity.user.service.AccountService;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Public account endpoints: signup, email verification, login and the token verification key. */
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "auth")
public class AuthResource {

    private final AccountService accounts;
    private final LoginService logins;
    private final SigningKeys keys;

    public AuthResource(AccountService accounts, LoginService logins, SigningKeys keys) {
        this.accounts = accounts;
        this.logins = logins;
        this.keys = keys;
    }

    @POST
    @Path("/signup")
    @Operation(summary = "Create an account and mail a verification link")
    public Response signup(@Valid @NotNull SignupRequest body) {
        User user = accounts.signup(body);
        // The account is read back through /users/me once its owner has verified and logged in.
        return Response.created(URI.create("/api/v1/users/me")).entity(UserView.of(user)).build();
    }

    @POST
    @Path("/verify-email")
    @Operation(summary = "Confirm an email address with the token from the mailed link")
    public VerifiedView verifyEmail(@Valid @NotNull VerifyEmailRequest body) {
        User user = accounts.verify(body.token());
        return new VerifiedView(user.id, user.email, user.verified);
    }

    @GET
    @Path("/verify-email")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Show the page of the mailed link; its button posts the token, which stays unused until then")
    public Response verifyEmailPage(@QueryParam("token") String token) {
        Response rejected = malformedTokenPage(token);
        if (rejected != null) {
            return rejected;
        }
        return VerificationPages.confirmation(token);
    }

    @POST
    @Path("/verify-email")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Confirm an email address from the form of the mailed link's page, with an HTML result")
    public Response verifyEmailForm(@FormParam("token") String token) {
        Response rejected = malformedTokenPage(token);
        if (rejected != null) {
            return rejected;
        }
        return accounts.redeem(token)
                .map(user -> VerificationPages.verified(user.email))
                .orElseGet(VerificationPages::invalidToken);
    }

    @POST
    @Path("/resend-verification")
    @Operation(summary = "Mail a new verification link; answers 202 whether or not the email has an account")
    public Response resendVerification(@Valid @NotNull ResendVerificationRequest body) {
        accounts.resendVerification(body.email());
        return Response.accepted().build();
    }

    @POST
    @Path("/login")
    @Operation(summary = "Exchange email and password for an access token")
    public LoginView login(@Valid @NotNull LoginRequest body, @Context HttpServerRequest http) {
        AccessToken token = logins.login(body.email(), body.password(), http.remoteAddress().hostAddress());
        return new LoginView(token.token(), "Bearer", token.lifetime().toSeconds());
    }

    @GET
    @Path("/jwks")
    @Operation(summary = "Public key that verifies access tokens, as a JSON Web Key Set")
    public Map<String, Object> jwks() {
        return keys.jwks();
    }

    /** Returns the error page for a missing or overlong token, or null when the token can be looked up. */
    private static Response malformedTokenPage(String token) {
        if (token == null || token.isBlank()) {
            return VerificationPages.missingToken();
        }
        if (token.length() > VerifyEmailRequest.MAX_TOKEN_LENGTH) {
            return VerificationPages.invalidToken();
        }
        return null;
    }
}
