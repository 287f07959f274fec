package org.bianmin.backend;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.bianmin.backend.auth.AdminAuthenticator;
import org.bianmin.backend.auth.KioskAuthenticator;
import org.bianmin.backend.auth.QrCode;
import org.bianmin.backend.domain.InsuranceHistory;
import org.bianmin.backend.domain.Licence;
import org.bianmin.backend.http.DocumentsApi;
import org.bianmin.backend.seed.SeedData;
import org.bianmin.backend.seed.SeedGenerator;
import org.bianmin.backend.store.CivilRecords;
import org.bianmin.backend.store.Guide;
import org.bianmin.backend.store.Kiosk;
import org.bianmin.backend.store.Service;
import org.bianmin.backend.store.Store;
import org.bianmin.backend.store.Subject;
import org.bianmin.backend.store.SubjectKind;
import org.bianmin.config.signing.AdminKeyPair;

/**
 * The {@code --demo} kiosk, the services it offers, the demo admin (token and key) and the synthetic records behind them; the only
 * credentials the backend ever creates by itself. Every demo citizen and licence gets a QR code derived from its number
 * ({@link QrCode#demo}), so the kiosk simulators can show the same codes on every start.
 */
public final class DemoKiosk {
    public static final String ID = "demo-kiosk-01";
    public static final String TOKEN = "demo-kiosk-token";
    public static final String ADMIN = "demo-admin";
    public static final String ADMIN_TOKEN = "demo-admin-token";
    public static final String NAME = "示范镇便民服务中心 1号自助机";
    /**
     * The demo admin's public key (config/demo-admin-key.pub; its private key, a sample credential, is
     * config/demo-admin-key.pem): a --demo backend takes pushes signed with it, and the demo kiosk trusts it.
     */
    public static final String ADMIN_PUBLIC_KEY = """
            -----BEGIN PUBLIC KEY-----
            MCowBQYDK2VwAyEAP40NWh7oQ/l4ts3YW2Fsuc1p5mgB3soFxfPP6yrDB+0=
            -----END PUBLIC KEY-----
            """;
    /** The seed of the demo data set: the same citizens and licences on every start. */
    public static final long SEED = 20_240_601L;

    static final List<Service> SERVICES = List.of(
            new Service("si-participation-certificate", "社保参保证明打印", "人力资源和社会保障局", new Guide(
                    "在本统筹区参加社会保险的个人，持本人有效居民身份证或电子社保卡即可办理。",
                    List.of("本人有效居民身份证（读卡）或电子社保卡二维码"),
                    List.of("刷身份证或扫描电子社保卡二维码核验身份", "选择参保证明类型与起止年月", "预览参保证明",
                            "打印参保证明（含验证码与二维码）", "评价本次服务"),
                    "即时办结", "《社会保险参保证明》（个人权益记录）一份，可扫码或凭验证码在线核验")),
            new Service("business-licence", "营业执照打印", "市场监督管理局", new Guide(
                    "已领取营业执照的企业、个体工商户、农民专业合作社，由法定代表人（负责人、经营者）本人办理。",
                    List.of("法定代表人（负责人、经营者）本人有效居民身份证", "或电子营业执照二维码"),
                    List.of("刷身份证或扫描电子营业执照二维码", "选择要打印的主体", "预览营业执照照面信息",
                            "打印营业执照（副本样式，含电子证照标识与二维码）", "评价本次服务"),
                    "即时办结", "营业执照打印件一份，电子证照标识可在线核验")),
            new Service("pesticide-licence", "农药经营许可证打印", "农业农村局", new Guide(
                    "已取得农药经营许可证且在有效期内的经营者，由法定代表人（负责人）本人办理。",
                    List.of("法定代表人（负责人）本人有效居民身份证", "或电子营业执照二维码"),
                    List.of("刷身份证或扫描电子营业执照二维码", "选择许可证", "预览许可证照面信息", "打印许可证", "评价本次服务"),
                    "即时办结", "农药经营许可证打印件一份，含电子证照标识与二维码")),
            new Service("breeding-livestock-licence", "种畜禽生产经营许可证打印", "农业农村局", new Guide(
                    "已取得种畜禽生产经营许可证且在有效期内的单位或个人，由法定代表人（负责人）或持证人本人办理。",
                    List.of("法定代表人（负责人）或持证人本人有效居民身份证", "或电子营业执照二维码"),
                    List.of("刷身份证或扫描电子营业执照二维码", "选择许可证", "预览许可证照面信息", "打印许可证", "评价本次服务"),
                    "即时办结", "种畜禽生产经营许可证打印件一份，含电子证照标识与二维码")));

    private DemoKiosk() {
    }

    /**
     * Registers the demo kiosk and its services and the demo admin unless they exist already (a restarted demo keeps its
     * data), registers the demo QR codes, and returns the demo records with contributions up to last month.
     */
    static CivilRecords seed(Store store, KioskAuthenticator auth, AdminAuthenticator admins, Clock clock) {
        for (Service s : SERVICES) {
            store.services().save(s);
        }
        if (store.kiosks().find(ID).isEmpty()) {
            auth.registerWithToken(new Kiosk(ID, NAME), TOKEN);
        }
        if (!store.admins().exists(ADMIN)) {
            admins.addWithToken(ADMIN, ADMIN_TOKEN);
        }
        String keyId = AdminKeyPair.keyId(AdminKeyPair.parsePublicKey("the demo admin key", ADMIN_PUBLIC_KEY));
        if (store.adminKeys().all().stream().noneMatch(k -> k.keyId().equals(keyId))) {
            store.adminKeys().add(keyId, ADMIN, ADMIN_PUBLIC_KEY);
        }
        store.services().offer(ID, SERVICES.stream().map(Service::code).toList());
        SeedData data = new SeedGenerator(SEED, YearMonth.from(clock.instant().atZone(DocumentsApi.ZONE)).minusMonths(1)).generate();
        for (InsuranceHistory h : data.histories()) {
            QrCode code = socialSecurityQr(h.citizen().idNumber());
            store.qrCodes().register(code.hash(), Subject.citizen(h.citizen().idNumber()));
        }
        for (Licence l : data.licences()) {
            QrCode code = licenceQr(l.number());
            store.qrCodes().register(code.hash(), Subject.licence(l.number()));
        }
        return CivilRecords.of(data.histories(), data.licences(), data.insuranceAgency());
    }

    /** The demo e-social-security-card code of the citizen with this ID number. */
    public static QrCode socialSecurityQr(String idNumber) {
        return QrCode.demo(SubjectKind.CITIZEN, idNumber);
    }

    /** The demo e-business-licence code of the licence with this number. */
    public static QrCode licenceQr(String licenceNumber) {
        return QrCode.demo(SubjectKind.LICENCE, licenceNumber);
    }
}
