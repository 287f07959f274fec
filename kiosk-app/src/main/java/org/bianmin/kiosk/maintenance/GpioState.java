package org.bianmin.kiosk.maintenance;

import java.util.Optional;

/**
 * The GPIO panel: the lights and the sensors as they are now.
 *
 * @param unavailable why there is no GPIO panel (GPIO not enabled, or not opened), if there is none
 */
public record GpioState(Optional<String> unavailable, boolean guideLight, boolean faultLight, boolean someonePresent, boolean doorOpen,
                        boolean tamperAlarm) {

    static GpioState none(String why) {
        return new GpioState(Optional.of(why), false, false, false, false, false);
    }
}
