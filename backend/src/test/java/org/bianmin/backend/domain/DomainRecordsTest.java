package org.bianmin.backend.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import org.bianmin.backend.codes.CreditCodes;
import org.bianmin.backend.codes.LicenceIdentifier;
import org.junit.jupiter.api.Test;

class DomainRecordsTest {
    private static final Region REGION = new Region("990101", "测试省示例市甲区");
    private static final Organisation EMPLOYER = new Organisation("示例测试有限公司", CreditCodes.complete("9199010100000TQ01"));
    private static final Organisation ISSUER = new Organisation("示例发证机关", CreditCodes.complete("11990100000000099"));

    @Test
    void aCitizenWhoseBirthDateOrGenderContradictsTheIdNumberIsRejected() {
        String id = "11010519491231002X";
        Citizen ok = new Citizen("测试用户", id, Gender.FEMALE, LocalDate.of(1949, 12, 31), REGION);
        assertEquals(id, ok.idNumber());
        InvalidRecordException gender = assertThrows(InvalidRecordException.class,
                () -> new Citizen("测试用户", id, Gender.MALE, LocalDate.of(1949, 12, 31), REGION));
        assertEquals("citizen.gender", gender.field());
        InvalidRecordException birth = assertThrows(InvalidRecordException.class,
                () -> new Citizen("测试用户", id, Gender.FEMALE, LocalDate.of(1950, 1, 1), REGION));
        assertEquals("citizen.birthDate", birth.field());
        InvalidRecordException number = assertThrows(InvalidRecordException.class,
                () -> new Citizen("测试用户", "110105194912310021", Gender.FEMALE, LocalDate.of(1949, 12, 31), REGION));
        assertEquals("citizen.idNumber", number.field());
    }

    @Test
    void aCitizenPrintsOnlyMaskedPersonalData() {
        Citizen c = new Citizen("测试用户", "11010519491231002X", Gender.FEMALE, LocalDate.of(1949, 12, 31), REGION);
        assertFalse(c.toString().contains("测试用户"), c.toString());
        assertFalse(c.toString().contains("11010519491231002X"), c.toString());
        assertTrue(c.toString().contains("110105********002X"), c.toString());
    }

    @Test
    void monthlyRecordsMustAscendAndNotPrecedeTheFirstMonth() {
        MonthlyContribution jan = month(2024, 1);
        MonthlyContribution feb = month(2024, 2);
        assertEquals(2, new SocialInsurance(InsuranceType.PENSION, YearMonth.of(2024, 1), InsuranceStatus.ACTIVE,
                EMPLOYER, List.of(jan, feb)).paidMonths());
        assertThrows(InvalidRecordException.class, () -> new SocialInsurance(InsuranceType.PENSION,
                YearMonth.of(2024, 1), InsuranceStatus.ACTIVE, EMPLOYER, List.of(feb, jan)));
        assertThrows(InvalidRecordException.class, () -> new SocialInsurance(InsuranceType.PENSION,
                YearMonth.of(2024, 2), InsuranceStatus.ACTIVE, EMPLOYER, List.of(jan, feb)));
    }

    @Test
    void negativeOrSubCentAmountsAreRejected() {
        assertThrows(InvalidRecordException.class, () -> new MonthlyContribution(YearMonth.of(2024, 1),
                new BigDecimal("-1.00"), BigDecimal.ZERO, BigDecimal.ZERO));
        assertThrows(InvalidRecordException.class, () -> new MonthlyContribution(YearMonth.of(2024, 1),
                new BigDecimal("1.001"), BigDecimal.ZERO, BigDecimal.ZERO));
    }

    @Test
    void anInsuranceTypeAppearsOnceInAHistory() {
        Citizen c = new Citizen("测试用户", "11010519491231002X", Gender.FEMALE, LocalDate.of(1949, 12, 31), REGION);
        SocialInsurance pension = new SocialInsurance(InsuranceType.PENSION, YearMonth.of(2024, 1),
                InsuranceStatus.ACTIVE, EMPLOYER, List.of(month(2024, 1)));
        assertThrows(InvalidRecordException.class, () -> new InsuranceHistory(c, List.of(pension, pension)));
    }

    @Test
    void aLicenceNeedsItsKindsSurfaceFieldsInOrderAndAnIdentifierFromItsIssuer() {
        SequencedMap<String, String> fields = new LinkedHashMap<>();
        for (String name : LicenceKind.PESTICIDE_BUSINESS.surfaceFieldNames()) {
            fields.put(name, "示例值");
        }
        LicenceIdentifier id = LicenceIdentifier.of(ISSUER.creditCode() + "002", ISSUER.creditCode(), "202400001", "001");
        Validity validity = Validity.between(LocalDate.of(2024, 1, 1), LocalDate.of(2028, 12, 31));
        Licence ok = new Licence(LicenceKind.PESTICIDE_BUSINESS, "农药经许（测）99010100001", EMPLOYER, fields, ISSUER,
                LocalDate.of(2024, 1, 1), validity, id);
        assertEquals(List.copyOf(fields.keySet()), List.copyOf(ok.surfaceFields().keySet()));

        InvalidRecordException wrongKind = assertThrows(InvalidRecordException.class, () -> new Licence(
                LicenceKind.BUSINESS_LICENCE, "x", EMPLOYER, fields, ISSUER, LocalDate.of(2024, 1, 1), validity, id));
        assertEquals("licence.surfaceFields", wrongKind.field());
        LicenceIdentifier foreign = LicenceIdentifier.of(ISSUER.creditCode() + "002", EMPLOYER.creditCode(), "1", "001");
        InvalidRecordException wrongIssuer = assertThrows(InvalidRecordException.class, () -> new Licence(
                LicenceKind.PESTICIDE_BUSINESS, "x", EMPLOYER, fields, ISSUER, LocalDate.of(2024, 1, 1), validity, foreign));
        assertEquals("licence.electronicId", wrongIssuer.field());
    }

    @Test
    void validityReadsInChineseAndKnowsItsLastDay() {
        Validity v = Validity.between(LocalDate.of(2024, 1, 1), LocalDate.of(2028, 12, 31));
        assertEquals("2024年01月01日至2028年12月31日", v.chinese());
        assertTrue(v.isValidOn(LocalDate.of(2028, 12, 31)));
        assertFalse(v.isValidOn(LocalDate.of(2029, 1, 1)));
        assertEquals("2024年01月01日至长期", Validity.longTerm(LocalDate.of(2024, 1, 1)).chinese());
        assertThrows(InvalidRecordException.class,
                () -> Validity.between(LocalDate.of(2024, 1, 1), LocalDate.of(2023, 1, 1)));
    }

    private static MonthlyContribution month(int year, int month) {
        return new MonthlyContribution(YearMonth.of(year, month), new BigDecimal("5000.00"), new BigDecimal("800.00"),
                new BigDecimal("400.00"));
    }
}
