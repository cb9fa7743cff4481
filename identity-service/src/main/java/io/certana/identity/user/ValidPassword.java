package io.certana.identity.user;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A password bcrypt can hash in full: at least {@value PasswordLimits#MIN_CHARACTERS} characters and
 * at most {@value PasswordLimits#MAX_UTF8_BYTES} bytes of UTF-8, because bcrypt ignores every byte
 * after the 72nd and a longer password would silently match its own prefix. Null is left to
 * {@code @NotNull}.
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER})
@Constraint(validatedBy = ValidPassword.Validator.class)
public @interface ValidPassword {

    String message() default "must be 10 to 72 bytes long";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The limits, shared with the documentation. */
    final class PasswordLimits {
        public static final int MIN_CHARACTERS = 10;
        public static final int MAX_UTF8_BYTES = 72;

        private PasswordLimits() {
        }
    }

    class Validator implements ConstraintValidator<ValidPassword, String> {

        @Override
        public boolean isValid(String password, ConstraintValidatorContext context) {
            if (password == null) {
                return true;
            }
            String message = null;
            if (password.codePointCount(0, password.length()) < PasswordLimits.MIN_CHARACTERS) {
                message = "must be at least " + PasswordLimits.MIN_CHARACTERS + " characters long";
            } else if (password.getBytes(StandardCharsets.UTF_8).length > PasswordLimits.MAX_UTF8_BYTES) {
                message = "must be at most " + PasswordLimits.MAX_UTF8_BYTES
                        + " bytes in UTF-8, because bcrypt ignores the rest";
            }
            if (message == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
            return false;
        }
    }
}
