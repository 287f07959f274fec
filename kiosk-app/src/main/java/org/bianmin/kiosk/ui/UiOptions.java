package org.bianmin.kiosk.ui;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How the kiosk window behaves on this machine.
 *
 * @param fullScreen full screen with no way out (a kiosk); false gives a plain window for development
 * @param hideCursor hide the mouse pointer (touch screens)
 * @param kioskName shown under the title in the header, e.g. 示范镇便民服务中心 1号自助机
 * @param fontFile a CJK font file to use before the known ones
 */
public record UiOptions(boolean fullScreen, boolean hideCursor, Optional<String> kioskName, Optional<Path> fontFile) {

    public static UiOptions defaults() {
        return new UiOptions(true, false, Optional.empty(), Optional.empty());
    }

    public UiOptions withKioskName(String name) {
        return new UiOptions(fullScreen, hideCursor, Optional.of(name), fontFile);
    }

    /** A plain window instead of full screen: the demo on a developer's desktop, beside its terminal. */
    public UiOptions windowed() {
        return new UiOptions(false, hideCursor, kioskName, fontFile);
    }
}
