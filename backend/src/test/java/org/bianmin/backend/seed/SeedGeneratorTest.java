package org.bianmin.backend.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bianmin.backend.codes.CreditCodes;
import org.bianmin.backend.codes.IdNumbers;
import org.bianmin.backend.codes.LicenceIdentifier;
import org.bianmin.backend.domain.InsuranceHistory;
import org.bianmin.backend.domain.LicenceKind;
import org.bianmin.backend.domain.SocialInsurance;
import org.junit.jupiter.api.Test;

class SeedGeneratorTest {
    private static final YearMonth AS_OF = YearMonth.of(2025, 6);
    private final SeedData seed = new SeedGenerator(20250601L, AS_OF).generate();

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedDifferentData() {
        assertEquals(seed, new SeedGenerator(20250601L, AS_OF).generate());
        assertNotEquals(seed.histories(), new SeedGenerator(7L, AS_OF).generate().histories());
    }

    @Test
    void thereAreAtLeastFiftyCitizensWithDistinctValidIdNumbers() {
        assertTrue(seed.histories().size() >= 50, "citizens: " + seed.histories().size());
        long distinct = seed.histories().stream().map(h -> h.citizen().idNumber()).distinct().count();
        assertEquals(seed.histories().size(), distinct);
        seed.histories().forEach(h -> assertTrue(IdNumbers.isValid(h.citizen().idNumber()), h.citizen().toString()));
    }

    @Test
    void historiesRangeFromAFewMonthsToTwentyYears() {
        int longest = seed.histories().stream().mapToInt(h -> h.contributionMonths().size()).max().orElseThrow();
        int shortest = seed.histories().stream().mapToInt(h -> h.contributionMonths().size()).min().orElseThrow();
        assertEquals(SeedGenerator.MAX_MONTHS, longest);
        assertTrue(shortest < 12, "shortest " + shortest);
        assertTrue(seed.histories().stream().filter(h -> h.contributionMonths().size() == 12).count() > 0);
        for (InsuranceHistory h : seed.histories()) {
            for (SocialInsurance i : h.insurances()) {
                assertTrue(i.paidMonths() <= SeedGenerator.MAX_MONTHS, h.citizen() + " " + i.type());
                assertTrue(i.months().getLast().month().compareTo(AS_OF) <= 0, h.citizen() + " " + i.type());
            }
        }
    }

    @Test
    void theSimulatedResidentCardsHolderIsInTheSeed() {
        InsuranceHistory h = seed.historyOf(SeedGenerator.SIMULATED_CARD_ID_NUMBER).orElseThrow();
        assertEquals(SeedGenerator.SIMULATED_CARD_NAME, h.citizen().name());
    }

    @Test
    void everyCreditCodeAndElectronicLicenceIdentifierCarriesAValidCheckCharacter() {
        assertTrue(CreditCodes.isValid(seed.insuranceAgency().creditCode()));
        seed.histories().forEach(h -> h.insurances().forEach(
                i -> assertTrue(CreditCodes.isValid(i.employer().creditCode()), i.employer().toString())));
        seed.licences().forEach(l -> {
            assertTrue(CreditCodes.isValid(l.holder().creditCode()), l.holder().toString());
            assertTrue(CreditCodes.isValid(l.issuer().creditCode()), l.issuer().toString());
            assertTrue(LicenceIdentifier.isValid(l.electronicId().toString()), l.electronicId().toString());
        });
    }

    @Test
    void thereAreAtLeastTwentyLicencesWithEveryKindAndDistinctNumbers() {
        assertTrue(seed.licences().size() >= 20, "licences: " + seed.licences().size());
        Map<LicenceKind, Long> perKind = seed.licences().stream()
                .collect(Collectors.groupingBy(l -> l.kind(), Collectors.counting()));
        assertEquals(LicenceKind.values().length, perKind.size(), perKind.toString());
        assertEquals(seed.licences().size(), seed.licences().stream().map(l -> l.number()).distinct().count());
        assertEquals(seed.licences().size(), seed.licences().stream().map(l -> l.electronicId().toString())
                .collect(Collectors.toMap(Function.identity(), x -> 1)).size());
    }

    @Test
    void generatedOrganisationsAreClearlyFictitious() {
        seed.licences().forEach(l -> assertTrue(l.holder().name().startsWith("示例"), l.holder().name()));
        seed.histories().forEach(h -> h.insurances().forEach(
                i -> assertTrue(i.employer().name().startsWith("示例"), i.employer().name())));
        seed.licences().forEach(l -> assertEquals("99", l.holder().creditCode().substring(2, 4), l.holder().toString()));
    }
}
