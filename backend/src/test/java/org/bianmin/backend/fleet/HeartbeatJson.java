package org.bianmin.backend.fleet;

import java.util.ArrayList;
import java.util.List;

/** Builds heartbeat bodies for tests: all six devices healthy unless told otherwise, interval 10 s. */
public final class HeartbeatJson {
    private final List<String> devices = new ArrayList<>();
    private int interval = 10;
    private String mode = "service";
    private long configVersion = 1;
    private String servicesOut = "";

    private HeartbeatJson() {
    }

    /** A kiosk whose six devices are all ok. */
    public static HeartbeatJson healthy() {
        HeartbeatJson h = new HeartbeatJson();
        for (String name : List.of("id-card", "qr-scanner", "lights", "sensors")) {
            h.devices.add(device(name, "ok", "ENABLED", null, null));
        }
        h.devices.add(device("receipt-printer", "ok", "ENABLED", "ok", null));
        h.devices.add(device("document-printer", "ok", "ENABLED", "ok", null));
        return h;
    }

    /** The receipt printer failing with LNK-06 and low on paper, its certificate service out. */
    public static HeartbeatJson printerFailing() {
        return healthy().receiptPrinter("failing", "low", "LNK-06").servicesOut("si-participation-certificate");
    }

    public HeartbeatJson receiptPrinter(String health, String paper, String errorCode) {
        devices.removeIf(d -> d.contains("\"receipt-printer\""));
        devices.add(device("receipt-printer", health, "ENABLED", paper, errorCode));
        return this;
    }

    public HeartbeatJson interval(int seconds) {
        this.interval = seconds;
        return this;
    }

    public HeartbeatJson mode(String mode) {
        this.mode = mode;
        return this;
    }

    public HeartbeatJson configVersion(long version) {
        this.configVersion = version;
        return this;
    }

    public HeartbeatJson servicesOut(String code) {
        this.servicesOut = "\"" + code + "\"";
        return this;
    }

    public String json() {
        return "{\"sentAt\":\"2026-03-02T01:30:00Z\",\"intervalSeconds\":" + interval + ",\"appVersion\":\"0.1.0-SNAPSHOT\","
                + "\"configVersion\":" + configVersion + ",\"uptimeSeconds\":1234,\"mode\":\"" + mode + "\",\"devices\":["
                + String.join(",", devices) + "],\"servicesOut\":[" + servicesOut + "]}";
    }

    private static String device(String name, String health, String state, String paper, String errorCode) {
        String error = errorCode == null ? "null"
                : "{\"code\":\"" + errorCode + "\",\"detail\":\"no answer after 3 tries\",\"at\":\"2026-03-02T01:29:00Z\"}";
        return "{\"name\":\"" + name + "\",\"required\":true,\"health\":\"" + health + "\",\"state\":\"" + state
                + "\",\"lastError\":" + error + ",\"paper\":" + (paper == null ? "null" : "\"" + paper + "\"")
                + ",\"counters\":{\"receipts\":12,\"errors\":1,\"power-cycles\":0,\"recoveries\":0}}";
    }
}
