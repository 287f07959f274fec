package org.bianmin.kiosk.visit;

import java.time.Instant;
import java.util.List;
import org.bianmin.device.DeviceException;
import org.bianmin.device.idcard.Identity;
import org.bianmin.device.idcard.TextBlock;
import org.bianmin.device.idcard.sim.CardFixtures;
import org.bianmin.kiosk.backend.Guide;
import org.bianmin.kiosk.backend.IndicatorSet;
import org.bianmin.kiosk.backend.ServiceInfo;

/** The services, cards, codes and indicators the visit tests use: synthetic, as the simulators' are. */
final class VisitFixtures {
    static final Instant NOW = Instant.parse("2025-03-01T01:00:00Z");

    private static final Guide GUIDE = new Guide("本人持有效证件", List.of("居民身份证"), List.of("刷证", "选择业务", "打印"),
            "即时办结", "证明文书");

    /** Citizens' service: ID card or e-social-security card. */
    static final ServiceInfo SI = new ServiceInfo(ServiceRules.SI_CERTIFICATE, "社保参保证明", "示例县人力资源和社会保障局", GUIDE);
    /** Licence services: e-business-licence code only. */
    static final ServiceInfo BUSINESS_LICENCE = new ServiceInfo("business-licence", "营业执照", "示例县市场监督管理局", GUIDE);
    static final ServiceInfo PESTICIDE_LICENCE = new ServiceInfo("pesticide-licence", "农药经营许可证", "示例县农业农村局", GUIDE);
    static final List<ServiceInfo> CATALOGUE = List.of(SI, BUSINESS_LICENCE, PESTICIDE_LICENCE);

    static final String CITIZEN_CODE = "ESSC1:synthetic-e-social-security-card";
    static final String LICENCE_CODE = "EBL1:synthetic-e-business-licence";
    static final String LICENCE_HOLDER = "示例县虚构农资经营部";
    static final String LICENCE_NUMBER = "92110105MA00000000";

    static final IndicatorSet INDICATORS = new IndicatorSet(3, List.of(
            new IndicatorSet.Indicator("quick", "办理快捷", true),
            new IndicatorSet.Indicator("clear", "指引清楚", true),
            new IndicatorSet.Indicator("slow", "等待太久", false),
            new IndicatorSet.Indicator("confusing", "操作复杂", false)));

    private VisitFixtures() {}

    /** 测试用户甲's resident ID card, as the reader parses it from the simulator's text block. */
    static Identity residentCard() {
        try {
            return TextBlock.parse(CardFixtures.resident().textBlock());
        } catch (DeviceException e) {
            throw new AssertionError("the simulator's resident card does not parse: " + e.getMessage(), e);
        }
    }
}
