package org.bianmin.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The forms a key may take besides its default (a network printer, a COM port, the spool, null for an optional value) pass the schema as they pass the binder. */
class SchemaAndBinderAcceptTheSameVariantsTest {

    @Test
    void aLayerUsingTheOtherFormsOfItsKeysPassesBoth() {
        String yaml = """
                identity:
                  kioskId: township-hall-07
                  displayName:
                    zh: 城关镇便民服务中心
                    en: null
                backend:
                  url: https://zwfw.example.gov.cn/kiosk
                  tokenFile: /etc/bianmin/kiosk.token
                devices:
                  qrScanner:
                    port: COM3
                    protocol: gm65
                  receiptPrinter:
                    port: tcp://192.0.2.10:9100
                    width: 58
                  documentPrinter:
                    queue: spool:out/printed
                    simulated: true
                  gpio:
                    lights:
                      scanner: 22
                    relays:
                      idCard: null
                      qrScanner: 13
                services: [si-participation-certificate, business-licence]
                guides:
                  si-participation-certificate:
                    acceptanceConditions:
                      zh: 在本统筹区参加社会保险的个人
                      en: null
                    materials:
                      - zh: 本人有效居民身份证
                        en: Your own valid resident ID card
                      - zh: 户口簿
                    steps:
                      - zh: 刷身份证
                    timeLimit:
                      zh: 即时办结
                      en: At once
                    result:
                      zh: 参保证明一份
                    note:
                      zh: 本镇社保所在镇政府一楼
                  business-licence:
                    materials: null
                  pesticide-licence: null
                session:
                  elderFactor: 3
                languages:
                  default: en
                notices:
                  - zh: 今日下午系统维护。
                    en: null
                maintenance:
                  pinHash: pbkdf2-sha256$310000$YM/VTubPTO4k29ga2GmcIg==$pNBa7P9nDnhSyKV2n0nSvKtLm4sZE7VHoRdyK1zt0nk=
                """;

        var errors = KioskSchema.errors(KioskSchema.yaml(yaml));

        assertTrue(errors.isEmpty(), errors::toString);
        assertDoesNotThrow(() -> KioskConfigLoader.parse(yaml));
    }

    @Test
    void guidesNullPassesBoth() {
        String yaml = "guides: null\n";

        var errors = KioskSchema.errors(KioskSchema.yaml(yaml));

        assertTrue(errors.isEmpty(), errors::toString);
        assertDoesNotThrow(() -> KioskConfigLoader.parse(yaml));
    }
}
