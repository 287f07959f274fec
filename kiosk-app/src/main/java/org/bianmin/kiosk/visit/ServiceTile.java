package org.bianmin.kiosk.visit;

import java.util.Optional;
import org.bianmin.kiosk.backend.ServiceInfo;

/** A service on the home screen, and why it is greyed out if it is. */
public record ServiceTile(ServiceInfo service, Optional<ServiceRules.Unavailable> unavailable) {

    public boolean available() {
        return unavailable.isEmpty();
    }

    public String code() {
        return service.code();
    }
}
