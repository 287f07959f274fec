package org.bianmin.device.idcard.sim;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.Supplier;
import org.bianmin.device.idcard.EthnicGroup;
import org.bianmin.device.idcard.Expiry;
import org.bianmin.device.idcard.Gender;
import org.bianmin.device.idcard.PermanentResidenceCard2017;
import org.bianmin.device.idcard.PermanentResidenceCard2023;
import org.bianmin.device.idcard.ResidencePermit;
import org.bianmin.device.idcard.ResidentIdCard;
import org.bianmin.device.idcard.Validity;
import org.bianmin.device.idcard.WltPhoto;

/**
 * Synthetic cards for the simulator, one per card kind — invented people (测试用户甲…) with numbers
 * that pass MOD 11-2 — plus one whose number fails its check digit.
 */
public final class CardFixtures {
    private static final Map<String, Supplier<CardFixture>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("resident", CardFixtures::resident);
        BY_NAME.put("foreigner-2017", CardFixtures::foreigner2017);
        BY_NAME.put("foreigner-2023", CardFixtures::foreigner2023);
        BY_NAME.put("hmt", CardFixtures::hmt);
        BY_NAME.put("resident-bad-check-digit", CardFixtures::residentWithBadCheckDigit);
    }

    private CardFixtures() {}

    /** 测试用户甲: resident ID card valid 长期 (long-term), two fingerprints and an appended address. */
    public static CardFixture resident() {
        return CardFixture.of("resident", new ResidentIdCard("测试用户甲", Gender.MALE, EthnicGroup.HAN, LocalDate.of(1949, 10, 1),
                        "测试省示例市虚构区样例路1号", "110105194910010015", "示例市公安局虚构分局",
                        new Validity(LocalDate.of(2009, 10, 1), Expiry.LONG_TERM)))
                .withFingerprints(syntheticBytes("resident-fp", 1024))
                .withAppendedAddress("测试省示例市虚构区新址路2号");
    }

    /** TESTUSER, ALPHA EXAMPLE / 测试用户乙: 2017 foreign permanent residence card (15-character number). */
    public static CardFixture foreigner2017() {
        return CardFixture.of("foreigner-2017", new PermanentResidenceCard2017("TESTUSER, ALPHA EXAMPLE", "测试用户乙", Gender.FEMALE,
                LocalDate.of(1985, 3, 15), "CAN310085031502", "CAN",
                new Validity(LocalDate.of(2017, 6, 1), Expiry.on(LocalDate.of(2027, 6, 1))), "10", "3100"));
    }

    /** 测试用户丙: 2023 foreign permanent residence card; English name longer than its first 35-character slot. */
    public static CardFixture foreigner2023() {
        return CardFixture.of("foreigner-2023", new PermanentResidenceCard2023("测试用户丙", "TESTUSER, BRAVO EXAMPLE SYNTHETIC FIXTURE PERSON",
                Gender.FEMALE, LocalDate.of(1990, 1, 1), "91312419900101002X", "CAN",
                new Validity(LocalDate.of(2023, 12, 1), Expiry.on(LocalDate.of(2033, 12, 1))), OptionalInt.of(0), "000"));
    }

    /** 测试用户丁: Taiwan residents' residence permit (region 830000), one fingerprint. */
    public static CardFixture hmt() {
        return CardFixture.of("hmt", new ResidencePermit("测试用户丁", Gender.FEMALE, LocalDate.of(1985, 3, 15),
                        "测试省示例市虚构区居住路3号", "830000198503150029", "示例市公安局",
                        new Validity(LocalDate.of(2019, 1, 1), Expiry.on(LocalDate.of(2029, 1, 1))), "12345678", 1))
                .withFingerprints(syntheticBytes("hmt-fp", 512));
    }

    /** 测试用户戊: a resident ID card whose number ends in 4 where MOD 11-2 wants 3. */
    public static CardFixture residentWithBadCheckDigit() {
        return CardFixture.of("resident-bad-check-digit", new ResidentIdCard("测试用户戊", Gender.FEMALE, EthnicGroup.DEANG,
                LocalDate.of(1988, 8, 8), "测试省示例市虚构区校验路4号", "110105198808080024", "示例市公安局虚构分局",
                new Validity(LocalDate.of(2018, 8, 8), Expiry.on(LocalDate.of(2038, 8, 8)))));
    }

    /** The fixture called {@code name}; the names are those of {@link #names()}. */
    public static CardFixture byName(String name) {
        Supplier<CardFixture> s = BY_NAME.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no card fixture called '" + name + "'; choose one of " + String.join(", ", BY_NAME.keySet()));
        }
        return s.get();
    }

    /** resident, foreigner-2017, foreigner-2023, hmt, resident-bad-check-digit. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** 1024 bytes starting "WLf" like a real WLT photo, the rest derived from {@code seed}; not a decodable image. */
    static WltPhoto syntheticWlt(String seed) {
        byte[] b = syntheticBytes(seed, WltPhoto.SIZE);
        byte[] head = {0x57, 0x4C, 0x66, 0x00, 0x7E, 0x00, 0x32, 0x00};
        System.arraycopy(head, 0, b, 0, head.length);
        return new WltPhoto(b);
    }

    private static byte[] syntheticBytes(String seed, int n) {
        byte[] b = new byte[n];
        new Random(seed.hashCode()).nextBytes(b);
        return b;
    }
}
