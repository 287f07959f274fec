package org.bianmin.backend.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import org.bianmin.backend.store.Kiosk;
import org.bianmin.backend.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issuing kiosk tokens and recognising them from an Authorization header. */
class KioskAuthenticatorTest {
    Store store;
    KioskAuthenticator auth;

    @BeforeEach
    void open() {
        store = Store.open("jdbc:h2:mem:auth-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", Clock.systemUTC());
        auth = new KioskAuthenticator(store.kiosks(), store.admins(), new SecureRandom());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aRegisteredKioskIsRecognisedByItsTokenWhichIsStoredOnlyAsAHash() {
        String token = auth.register(new Kiosk("kiosk-x", "丙镇"));
        assertTrue(token.length() >= 43, token);
        assertEquals("kiosk-x", auth.authenticate("Bearer " + token).id());
        assertTrue(store.kiosks().byTokenHash(token).isEmpty());
        assertEquals("kiosk-x", store.kiosks().byTokenHash(TokenHash.of(token)).orElseThrow().kiosk().id());
    }

    @Test
    void twoKiosksGetDifferentTokens() {
        assertNotEquals(auth.register(new Kiosk("kiosk-x", "丙镇")), auth.register(new Kiosk("kiosk-y", "丁镇")));
    }

    @Test
    void aMissingOrMalformedHeaderSaysWhatIsExpected() {
        var missing = assertThrows(AuthenticationException.class, () -> auth.authenticate(null));
        assertTrue(missing.getMessage().contains("Bearer"), missing.getMessage());
        var basic = assertThrows(AuthenticationException.class, () -> auth.authenticate("Basic dXNlcjpwYXNz"));
        assertTrue(basic.getMessage().contains("Bearer <kiosk token>"), basic.getMessage());
    }

    @Test
    void aTokenForAnotherKioskIsForbiddenAndNamesBothKiosks() {
        String token = auth.register(new Kiosk("kiosk-x", "丙镇"));
        var e = assertThrows(WrongKioskException.class, () -> auth.authorize("Bearer " + token, "kiosk-y"));
        assertTrue(e.getMessage().contains("kiosk-x") && e.getMessage().contains("kiosk-y"), e.getMessage());
    }

    @Test
    void theHashComparisonRejectsAnyOtherTokenAndMalformedHashes() {
        String hash = TokenHash.of("token-1");
        assertTrue(TokenHash.matches("token-1", hash));
        assertFalse(TokenHash.matches("token-2", hash));
        assertFalse(TokenHash.matches("token-1", "not hex"));
        assertEquals("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", TokenHash.of("test"));
    }
}
