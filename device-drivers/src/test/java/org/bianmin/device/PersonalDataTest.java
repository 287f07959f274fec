package org.bianmin.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PersonalDataTest {

    @Test
    void namesKeepOnlyTheirFirstAndLastCharacter() {
        assertEquals("张*三", PersonalData.maskName("张小三"));
        assertEquals("张*", PersonalData.maskName("张三"));
        assertEquals("欧**娜", PersonalData.maskName("欧阳丽娜"));
        assertEquals("*", PersonalData.maskName("张"));
        assertEquals("I*********v", PersonalData.maskName("Ivan Petrov"));
        assertNull(PersonalData.maskName(null));
    }

    @Test
    void idNumbersKeepTheirRegionAndLastFour() {
        assertEquals("110105********002X", PersonalData.maskIdNumber("11010519491231002X"));
        assertEquals("NZL110*****0107", PersonalData.maskIdNumber("NZL110034000107"));
        assertEquals("H1*****78", PersonalData.maskIdNumber("H12345678"));
        assertEquals("****", PersonalData.maskIdNumber("1234"));
    }
}
