package org.bianmin.backend.seed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SequencedMap;
import java.util.Set;
import org.bianmin.backend.codes.CreditCodes;
import org.bianmin.backend.codes.IdNumbers;
import org.bianmin.backend.codes.LicenceIdentifier;
import org.bianmin.backend.domain.Citizen;
import org.bianmin.backend.domain.Gender;
import org.bianmin.backend.domain.InsuranceHistory;
import org.bianmin.backend.domain.InsuranceStatus;
import org.bianmin.backend.domain.InsuranceType;
import org.bianmin.backend.domain.Licence;
import org.bianmin.backend.domain.LicenceKind;
import org.bianmin.backend.domain.MonthlyContribution;
import org.bianmin.backend.domain.Organisation;
import org.bianmin.backend.domain.Region;
import org.bianmin.backend.domain.SocialInsurance;
import org.bianmin.backend.domain.Validity;

/**
 * Generates the synthetic demo data from a seed: the same seed and reference month give the same data
 * on every machine. Generated people live in region codes starting with 99 and every organisation's
 * credit code carries 99 in its region digits, a province code no real region uses, so no generated
 * number can belong to a real person or company. The one exception is the citizen who matches the
 * kiosk's simulated resident ID card (测试用户甲, 110105194910010015), so the demo can identify them.
 */
public final class SeedGenerator {
    /** The simulated resident ID card's holder, present in every seed so the kiosk demo finds them. */
    public static final String SIMULATED_CARD_NAME = "测试用户甲";
    public static final String SIMULATED_CARD_ID_NUMBER = "110105194910010015";

    public static final int CITIZENS = 60;
    public static final int LICENCES_PER_KIND = 8;
    public static final int MAX_MONTHS = 240;

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
        "马", "朱", "胡", "郭", "何", "林", "罗", "高"};
    private static final String[] GIVEN = {"示", "例", "测", "试", "样", "虚", "拟", "演", "构", "甲", "乙", "丙",
        "丁", "戊", "晓", "明", "文", "华", "安", "宁", "泽", "宇", "欣", "悦"};
    private static final String[] WORDS = {"明远", "青禾", "云帆", "启航", "宏图", "瑞丰", "锦程", "恒信", "嘉禾",
        "康泰", "博雅", "星河", "润田", "金穗", "绿源", "安澜"};
    private static final String[] TRADES = {"科技", "商贸", "物流", "食品", "农资", "建材", "信息技术", "餐饮管理"};
    private static final String[] ROADS = {"样例路", "示范街", "虚构大道", "测试巷", "演示路"};
    private static final Region SIMULATED_CARD_REGION = new Region("110105", "测试省示例市虚构区");
    private static final List<Region> REGIONS = List.of(
            new Region("990101", "测试省示例市甲区"), new Region("990102", "测试省示例市乙区"),
            new Region("990201", "测试省样例市丙县"), new Region("990302", "测试省演示市丁县"));

    private static final Organisation DEFINING_AUTHORITY =
            new Organisation("测试省电子证照示例定义机构", CreditCodes.complete("11990000000000010"));
    private static final Organisation MARKET_REGULATOR =
            new Organisation("测试省示例市市场监督管理局（示例）", CreditCodes.complete("11990100000000011"));
    private static final Organisation AGRICULTURE_BUREAU =
            new Organisation("测试省示例市农业农村局（示例）", CreditCodes.complete("11990100000000012"));
    private static final Organisation INSURANCE_AGENCY =
            new Organisation("测试省示例市社会保险事业管理中心（示例）", CreditCodes.complete("12990100000000013"));

    // contribution rates per insurance: employer share, personal share
    private static final Map<InsuranceType, BigDecimal[]> RATES = new EnumMap<>(Map.of(
            InsuranceType.PENSION, rates("0.16", "0.08"),
            InsuranceType.MEDICAL, rates("0.08", "0.02"),
            InsuranceType.UNEMPLOYMENT, rates("0.005", "0.005"),
            InsuranceType.WORK_INJURY, rates("0.004", "0"),
            InsuranceType.MATERNITY, rates("0.008", "0")));

    private final long seed;
    private final YearMonth asOf;

    /** @param asOf the last month of contributions for people still insured */
    public SeedGenerator(long seed, YearMonth asOf) {
        if (asOf == null) {
            throw new IllegalArgumentException("asOf: the reference month is required");
        }
        this.seed = seed;
        this.asOf = asOf;
    }

    public SeedData generate() {
        Random random = new Random(seed);
        Set<String> names = new HashSet<>();
        List<Organisation> employers = organisations(random, 12, "有限公司", names);
        List<InsuranceHistory> histories = new ArrayList<>();
        Set<String> idNumbers = new HashSet<>();
        Citizen simulated = new Citizen(SIMULATED_CARD_NAME, SIMULATED_CARD_ID_NUMBER, Gender.MALE,
                IdNumbers.birthDate(SIMULATED_CARD_ID_NUMBER), SIMULATED_CARD_REGION);
        idNumbers.add(simulated.idNumber());
        histories.add(history(random, simulated, MAX_MONTHS, InsuranceStatus.ACTIVE, employers));
        while (histories.size() < CITIZENS) {
            Citizen c = citizen(random);
            if (!idNumbers.add(c.idNumber())) {
                continue;
            }
            int n = histories.size();
            int months = switch (n % 5) {
                case 0 -> MAX_MONTHS;
                case 1 -> 12;
                case 2 -> 1 + random.nextInt(11);
                default -> 13 + random.nextInt(MAX_MONTHS - 13);
            };
            InsuranceStatus status = switch (n % 7) {
                case 3 -> InsuranceStatus.SUSPENDED;
                case 5 -> InsuranceStatus.TERMINATED;
                default -> InsuranceStatus.ACTIVE;
            };
            histories.add(history(random, c, months, status, employers));
        }
        List<Licence> licences = new ArrayList<>();
        for (LicenceKind kind : LicenceKind.values()) {
            String suffix = switch (kind) {
                case BUSINESS_LICENCE -> "有限公司";
                case PESTICIDE_BUSINESS -> "农资有限公司";
                case BREEDING_LIVESTOCK -> "种业有限公司";
            };
            List<Organisation> holders = organisations(random, LICENCES_PER_KIND, suffix, names);
            for (int i = 0; i < LICENCES_PER_KIND; i++) {
                licences.add(licence(random, kind, holders.get(i), i));
            }
        }
        return new SeedData(histories, licences, INSURANCE_AGENCY);
    }

    private Citizen citizen(Random random) {
        Region region = REGIONS.get(random.nextInt(REGIONS.size()));
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(365 * 42));
        Gender gender = random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
        int sequence = random.nextInt(500) * 2 + (gender == Gender.MALE ? 1 : 0);
        String id = IdNumbers.build(region.code(), birth, sequence);
        return new Citizen(name(random), id, gender, birth, region);
    }

    private static String name(Random random) {
        StringBuilder s = new StringBuilder(SURNAMES[random.nextInt(SURNAMES.length)]);
        int given = 1 + random.nextInt(2);
        for (int i = 0; i < given; i++) {
            s.append(GIVEN[random.nextInt(GIVEN.length)]);
        }
        return s.toString();
    }

    private InsuranceHistory history(Random random, Citizen citizen, int months, InsuranceStatus status,
            List<Organisation> employers) {
        YearMonth last = switch (status) {
            case ACTIVE -> asOf;
            case SUSPENDED -> asOf.minusMonths(1 + random.nextInt(6));
            case TERMINATED -> asOf.minusMonths(12 + random.nextInt(36));
        };
        YearMonth first = last.minusMonths(months - 1L);
        Organisation employer = employers.get(random.nextInt(employers.size()));
        BigDecimal startBase = BigDecimal.valueOf(2500 + random.nextInt(40) * 100L);
        double growth = 0.04 + random.nextInt(5) / 100.0;
        List<SocialInsurance> insurances = new ArrayList<>();
        for (InsuranceType type : InsuranceType.values()) {
            boolean always = type == InsuranceType.PENSION || type == InsuranceType.MEDICAL;
            if (!always && random.nextInt(5) == 0) {
                continue;
            }
            YearMonth typeFirst = type == InsuranceType.WORK_INJURY && months > 24
                    ? first.plusMonths(random.nextInt(12)) : first;
            List<MonthlyContribution> records = new ArrayList<>();
            for (YearMonth m = typeFirst; !m.isAfter(last); m = m.plusMonths(1)) {
                BigDecimal base = startBase.multiply(BigDecimal.valueOf(Math.pow(1 + growth, m.getYear() - first.getYear())))
                        .setScale(0, RoundingMode.HALF_UP).setScale(2);
                BigDecimal[] rate = RATES.get(type);
                records.add(new MonthlyContribution(m, base, money(base.multiply(rate[0])), money(base.multiply(rate[1]))));
            }
            insurances.add(new SocialInsurance(type, typeFirst, status, employer, records));
        }
        return new InsuranceHistory(citizen, insurances);
    }

    private Licence licence(Random random, LicenceKind kind, Organisation holder, int index) {
        LocalDate issued = asOf.atDay(1).minusDays(30 + random.nextInt(365 * 9));
        String representative = name(random);
        String address = REGIONS.get(random.nextInt(REGIONS.size())).name() + ROADS[random.nextInt(ROADS.length)] + (1 + random.nextInt(300)) + "号";
        SequencedMap<String, String> fields = new LinkedHashMap<>();
        Organisation issuer = kind == LicenceKind.BUSINESS_LICENCE ? MARKET_REGULATOR : AGRICULTURE_BUREAU;
        String number = switch (kind) {
            case BUSINESS_LICENCE -> holder.creditCode();
            case PESTICIDE_BUSINESS -> String.format("农药经许（测）990101%05d", 1 + index + 10 * random.nextInt(100));
            case BREEDING_LIVESTOCK -> String.format("（测）种畜禽生产经营许可证第（%d）%03d号", issued.getYear(), index + 1);
        };
        Validity validity = switch (kind) {
            case BUSINESS_LICENCE -> Validity.longTerm(issued);
            case PESTICIDE_BUSINESS -> Validity.between(issued, issued.plusYears(5).minusDays(1));
            case BREEDING_LIVESTOCK -> Validity.between(issued, issued.plusYears(3).minusDays(1));
        };
        switch (kind) {
            case BUSINESS_LICENCE -> {
                fields.put("统一社会信用代码", holder.creditCode());
                fields.put("名称", holder.name());
                fields.put("类型", "有限责任公司（自然人投资或控股）");
                fields.put("法定代表人", representative);
                fields.put("注册资本", (10 + random.nextInt(490)) * 10 + "万元人民币");
                fields.put("成立日期", Validity.chineseDate(issued));
                fields.put("住所", address);
                fields.put("经营范围", "一般项目：示例商品销售；示例技术服务、技术开发、技术咨询（依法须经批准的项目，经相关部门批准后方可开展经营活动）");
            }
            case PESTICIDE_BUSINESS -> {
                fields.put("经营者名称", holder.name());
                fields.put("统一社会信用代码", holder.creditCode());
                fields.put("法定代表人", representative);
                fields.put("住所", address);
                fields.put("经营范围", index % 2 == 0 ? "农药（不含限制使用农药）" : "农药（含限制使用农药）");
                fields.put("经营场所", address);
                fields.put("仓储场所", "测试省示例市甲区仓储路" + (1 + random.nextInt(99)) + "号");
            }
            case BREEDING_LIVESTOCK -> {
                fields.put("单位名称", holder.name());
                fields.put("统一社会信用代码", holder.creditCode());
                fields.put("法定代表人", representative);
                fields.put("地址", address);
                fields.put("生产经营范围", index % 2 == 0 ? "种猪生产、销售" : "种鸡、种蛋生产、销售");
                fields.put("畜禽品种", index % 2 == 0 ? "示例长白猪、示例大白猪" : "示例白羽肉种鸡");
                fields.put("生产经营方式", "生产、销售");
            }
        }
        String serial = String.format("%d%05d", issued.getYear(), kind.ordinal() * 1000 + index + 1);
        LicenceIdentifier id = LicenceIdentifier.of(DEFINING_AUTHORITY.creditCode() + kind.typeNumber(),
                issuer.creditCode(), serial, "001");
        return new Licence(kind, number, holder, fields, issuer, issued, validity, id);
    }

    private static List<Organisation> organisations(Random random, int count, String suffix, Set<String> names) {
        List<Organisation> result = new ArrayList<>();
        while (result.size() < count) {
            String name = "示例" + WORDS[random.nextInt(WORDS.length)] + TRADES[random.nextInt(TRADES.length)] + suffix;
            if (!names.add(name)) {
                continue;
            }
            StringBuilder body = new StringBuilder("919901");
            body.append(String.format("%02d", 1 + random.nextInt(5)));
            for (int i = 0; i < 9; i++) {
                body.append(CreditCodes.ALPHABET.charAt(random.nextInt(CreditCodes.ALPHABET.length())));
            }
            result.add(new Organisation(name, CreditCodes.complete(body.toString())));
        }
        return result;
    }

    private static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal[] rates(String employer, String personal) {
        return new BigDecimal[] {new BigDecimal(employer), new BigDecimal(personal)};
    }
}
