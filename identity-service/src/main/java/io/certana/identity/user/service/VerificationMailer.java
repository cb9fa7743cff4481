package io.certana.identity.user.service;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.certana.identity.config.IdentityConfig;
import io.certana.identity.user.User;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends verification mails through quarkus-mailer: SMTP in prod, the mock mailer in dev and test,
 * which writes each mail (the link included) to the log.
 */
@ApplicationScoped
public class VerificationMailer {

    private final Mailer mailer;
    private final IdentityConfig config;

    public VerificationMailer(Mailer mailer, IdentityConfig config) {
        this.mailer = mailer;
        this.config = config;
    }

    /**
     * Sends the verification link for {@code token}. A failure is logged and swallowed: the
     * account exists either way, and the user can ask for another mail.
     */
    public void sendVerification(User user, String token) {
        String link = link(token);
        String text = """
                Hello %s,

                please confirm your email address for Certana by opening this link within %d hours:

                %s

                If you did not create a Certana account, ignore this mail.
                """.formatted(user.fullName == null ? "" : user.fullName,
                config.mail().tokenLifetime().toHours(), link);
        try {
            mailer.send(Mail.withText(user.email, "Confirm your email address for Certana", text));
            Log.infof("Sent verification mail to user %s", user.id);
        } catch (RuntimeException e) {
            Log.errorf(e, "Could not send verification mail to user %s; the user can request another", user.id);
        }
    }

    String link(String token) {
        URI base = config.mail().verificationUrl();
        String separator = base.getRawQuery() == null ? "?" : "&";
        return base + separator + "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
