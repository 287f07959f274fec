package org.bianmin.backend.auth;

import java.security.SecureRandom;
import org.bianmin.backend.store.AdminTokens;
import org.bianmin.backend.store.Kiosk;
import org.bianmin.backend.store.KioskRegistry;

/**
 * Issues kiosk bearer tokens and turns an {@code Authorization: Bearer …} header back into the kiosk it belongs to.
 *
 * <p>A token is 32 random bytes (base64url); only its SHA-256 is stored. The lookup goes by hash, and the final
 * comparison against the stored hash is constant-time. An admin's token is recognised and refused as the wrong kind.
 */
public final class KioskAuthenticator {
    private final KioskRegistry registry;
    private final AdminTokens admins;
    private final SecureRandom random;

    public KioskAuthenticator(KioskRegistry registry, AdminTokens admins, SecureRandom random) {
        this.registry = registry;
        this.admins = admins;
        this.random = random;
    }

    /** Registers {@code kiosk} with a fresh random token and returns the token; it is shown once and never stored. */
    public String register(Kiosk kiosk) {
        String token = BearerToken.random(random);
        registry.add(kiosk, TokenHash.of(token));
        return token;
    }

    /** Registers {@code kiosk} with a token chosen by the caller: only for the {@code --demo} kiosk. */
    public void registerWithToken(Kiosk kiosk, String token) {
        registry.add(kiosk, TokenHash.of(token));
    }

    /**
     * Gives kiosk {@code kioskId} a fresh random token and returns it, shown once; the old token is refused from the
     * kiosk's next request on.
     *
     * @throws org.bianmin.backend.store.NotFoundException if the kiosk is not in the fleet
     */
    public String rotateToken(String kioskId, String admin) {
        String token = BearerToken.random(random);
        registry.rotateToken(kioskId, TokenHash.of(token), admin);
        return token;
    }

    /**
     * The kiosk whose token the header carries.
     *
     * @throws AuthenticationException if the header is missing, malformed or carries no known token, or the token's
     *                                 kiosk was removed from the fleet
     * @throws WrongTokenKindException if it carries an admin's token
     */
    public Kiosk authenticate(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            throw new AuthenticationException("no Authorization header; send 'Authorization: Bearer <kiosk token>'");
        }
        String token = BearerToken.of(authorizationHeader)
                .orElseThrow(() -> new AuthenticationException("the Authorization header is not 'Bearer <kiosk token>'"));
        String hash = TokenHash.of(token);
        KioskRegistry.Credential credential = registry.byTokenHash(hash)
                .filter(c -> TokenHash.matches(token, c.tokenHash()))
                .orElseThrow(() -> {
                    if (admins.byTokenHash(hash).filter(c -> TokenHash.matches(token, c.tokenHash())).isPresent()) {
                        return new WrongTokenKindException("this is an admin token; the kiosk API takes the kiosk's own token");
                    }
                    return new AuthenticationException("the bearer token belongs to no registered kiosk");
                });
        if (credential.removedAt() != null) {
            throw new AuthenticationException("kiosk " + credential.kiosk().id() + " was removed from the fleet on "
                    + credential.removedAt() + "; its token no longer works (an admin who adds the kiosk again gives it a new one)");
        }
        return credential.kiosk();
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
