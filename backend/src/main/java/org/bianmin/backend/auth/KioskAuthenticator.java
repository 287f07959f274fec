package org.bianmin.backend.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import org.bianmin.backend.store.Kiosk;
import org.bianmin.backend.store.KioskRegistry;

/**
 * Issues kiosk bearer tokens and turns an {@code Authorization: Bearer …} header back into the kiosk it belongs to.
 *
 * <p>A token is 32 random bytes (base64url); only its SHA-256 is stored. The lookup goes by hash, and the final
 * comparison against the stored hash is constant-time.
 */
public final class KioskAuthenticator {
    private static final Pattern BEARER = Pattern.compile("Bearer +([A-Za-z0-9._~+/=-]{8,200})");
    private static final int TOKEN_BYTES = 32;

    private final KioskRegistry registry;
    private final SecureRandom random;

    public KioskAuthenticator(KioskRegistry registry, SecureRandom random) {
        this.registry = registry;
        this.random = random;
    }

    /** Registers {@code kiosk} with a fresh random token and returns the token; it is shown once and never stored. */
    public String register(Kiosk kiosk) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        registry.add(kiosk, TokenHash.of(token));
        return token;
    }

    /** Registers {@code kiosk} with a token chosen by the caller: only for the {@code --demo} kiosk. */
    public void registerWithToken(Kiosk kiosk, String token) {
        registry.add(kiosk, TokenHash.of(token));
    }

    /**
     * The kiosk whose token the header carries.
     *
     * @throws AuthenticationException if the header is missing, malformed or carries no known token
     */
    public Kiosk authenticate(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            throw new AuthenticationException("no Authorization header; send 'Authorization: Bearer <kiosk token>'");
        }
        var m = BEARER.matcher(authorizationHeader.strip());
        if (!m.matches()) {
            throw new AuthenticationException("the Authorization header is not 'Bearer <kiosk token>'");
        }
        String token = m.group(1);
        return registry.byTokenHash(TokenHash.of(token))
                .filter(c -> TokenHash.matches(token, c.tokenHash()))
                .map(KioskRegistry.Credential::kiosk)
                .orElseThrow(() -> new AuthenticationException("the bearer token belongs to no registered kiosk"));
    }

    /**
     * The kiosk the header authenticates, if it is {@code kioskId}.
     *
     * @throws WrongKioskException if the token is another kiosk's
     */
    public Kiosk authorize(String authorizationHeader, String kioskId) {
        Kiosk kiosk = authenticate(authorizationHeader);
        if (!kiosk.id().equals(kioskId)) {
            throw new WrongKioskException("this token belongs to kiosk " + kiosk.id() + ", not to kiosk " + kioskId);
        }
        return kiosk;
    }
}
