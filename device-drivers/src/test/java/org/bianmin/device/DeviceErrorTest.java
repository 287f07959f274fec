package org.bianmin.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeviceErrorTest {

    @ParameterizedTest
    @EnumSource(DeviceError.class)
    void everyErrorTellsATechnicianTheCauseAndTheRemedyInChineseAndInEnglish(DeviceError e) {
        for (String text : List.of(e.technicianCause("zh-CN"), e.technicianRemedy("zh-CN"))) {
            assertFalse(text.isBlank(), e + " has a blank Chinese technician text");
            assertTrue(text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    e + ": the Chinese technician text has no Chinese in it: " + text);
        }
        for (String text : List.of(e.technicianCause("en"), e.technicianRemedy("en"))) {
            assertFalse(text.isBlank(), e + " has a blank English technician text");
            assertTrue(text.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    e + ": the English technician text has Chinese in it: " + text);
        }
        assertFalse(e.technicianCause("en").equals(e.technicianRemedy("en")), e + ": the remedy repeats the cause");
    }

    @Test
    void theMaintenanceScreensDefaultLanguageIsChinese() {
        assertEquals(DeviceError.PAPER_OUT.technicianCause("zh-CN"), DeviceError.PAPER_OUT.technicianCause(null));
        assertEquals(DeviceError.PAPER_OUT.technicianRemedy("zh-CN"), DeviceError.PAPER_OUT.technicianRemedy("fr"));
        assertEquals("the printer is out of paper", DeviceError.PAPER_OUT.technicianCause("en-GB"));
    }

    @Test
    void technicianCodesAreUnique() {
        Set<String> codes = Arrays.stream(DeviceError.values()).map(DeviceError::code).collect(Collectors.toSet());
        assertEquals(DeviceError.values().length, codes.size(), "two errors share a technician code");
    }
}
