package org.bianmin.kiosk.visit;

import java.util.Optional;

/**
 * Who was identified, as the screen may show it: a citizen's masked name and ID number, or a
 * licence's holder (an organisation) and licence number.
 */
public record ShownIdentity(IdentifyMethod method, String displayName, Optional<String> number, boolean confirmed) {

    @Override
    public String toString() {
        return "ShownIdentity[" + method + ", confirmed=" + confirmed + "]";
    }
}
