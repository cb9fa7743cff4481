package io.certana.platform.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void rolesMapToScopes() {
        assertEquals(EnumSet.of(Scope.READ, Scope.VERIFY), Role.VIEWER.scopes());
        assertEquals(EnumSet.of(Scope.READ, Scope.WRITE, Scope.VERIFY), Role.MEMBER.scopes());
        assertEquals(EnumSet.allOf(Scope.class), Role.ADMIN.scopes());
        assertEquals(EnumSet.allOf(Scope.class), Role.OWNER.scopes());
    }

    @Test
    void wireNamesParse() {
        assertEquals(Optional.of(Role.ADMIN), Role.parse("admin"));
        assertEquals(Optional.of(Scope.VERIFY), Scope.parse(" Verify "));
        assertTrue(Role.parse("root").isEmpty());
        assertTrue(Scope.parse(null).isEmpty());
    }

    @Test
    void apiKeyShape() {
        assertTrue(ApiKeys.hasKeyShape("cert_pk_abc"));
        assertEquals(false, ApiKeys.hasKeyShape("cert_pk_"));
        assertEquals(false, ApiKeys.hasKeyShape("eyJhbGciOi.x.y"));
        assertEquals(false, ApiKeys.hasKeyShape("cert_pk_" + "a".repeat(ApiKeys.MAX_LENGTH)));
    }
}
