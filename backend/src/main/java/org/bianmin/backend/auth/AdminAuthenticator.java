package org.bianmin.backend.auth;

import java.security.SecureRandom;
import java.util.Optional;
import org.bianmin.backend.store.AdminTokens;
import org.bianmin.backend.store.KioskRegistry;

/**
 * Issues admin bearer tokens and turns an {@code Authorization: Bearer …} header back into the admin it belongs to.
 *
 * <p>Like kiosk tokens: 32 random bytes (base64url), only the SHA-256 stored, compared in constant time. A kiosk's
 * token on the admin API is recognised and refused as the wrong kind, so the message can say so.
 */
public final class AdminAuthenticator {
    private final AdminTokens admins;
    private final KioskRegistry kiosks;
    private final SecureRandom random;

    public AdminAuthenticator(AdminTokens admins, KioskRegistry kiosks, SecureRandom random) {
        this.admins = admins;
        this.kiosks = kiosks;
        this.random = random;
    }

    /** Adds admin {@code name} with a fresh random token and returns the token; it is shown once and never stored. */
    public String issue(String name) {
        String token = BearerToken.random(random);
        admins.add(name, TokenHash.of(token));
        return token;
    }

    /** Adds admin {@code name} with a token chosen by the caller: only for the {@code --demo} admin. */
    public void addWithToken(String name, String token) {
        admins.add(name, TokenHash.of(token));
    }

    /**
     * The admin whose token the header carries.
     *
     * @throws AdminAuthenticationException if the header is missing, malformed or carries no admin's token
     * @throws WrongTokenKindException if it carries a kiosk's token
     */
    public String authenticate(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            throw new AdminAuthenticationException("no Authorization header; send 'Authorization: Bearer <admin token>'");
        }
        String token = BearerToken.of(authorizationHeader)
                .orElseThrow(() -> new AdminAuthenticationException("the Authorization header is not 'Bearer <admin token>'"));
        return adminOf(token);
    }

    /**
     * The admin {@code token} belongs to.
     *
     * @throws AdminAuthenticationException if it belongs to no admin
     * @throws WrongTokenKindException if it is a kiosk's token
     */
    public String adminOf(String token) {
        String hash = TokenHash.of(token);
        Optional<String> admin = admins.byTokenHash(hash)
                .filter(c -> TokenHash.matches(token, c.tokenHash()))
                .map(AdminTokens.Credential::name);
        if (admin.isPresent()) {
            return admin.get();
        }
        if (kiosks.byTokenHash(hash).filter(c -> TokenHash.matches(token, c.tokenHash())).isPresent()) {
            throw new WrongTokenKindException("this is a kiosk token; the admin API takes an admin token");
        }
        throw new AdminAuthenticationException("the bearer token belongs to no admin; "
                + "./kiosk backend add-admin-token NAME issues one");
    }
}
