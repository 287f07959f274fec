package org.bianmin.kiosk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KioskVersionTest {
    @Test
    void theBuildWritesTheProjectVersionIntoTheKiosk() {
        assertTrue(KioskVersion.current().matches("\\d+\\.\\d+\\.\\d+.*"), KioskVersion.current());
    }
}
