package org.bianmin.kiosk.diag;

import java.util.Optional;

/** What a {@link DeviceCheck} concluded, before it is timed and labelled into a {@link CheckResult}. */
record Verdict(CheckResult.Outcome outcome, String detail, Optional<Finding> finding) {

    static Verdict ok(String detail) {
        return new Verdict(CheckResult.Outcome.OK, detail, Optional.empty());
    }

    /** Works, but the technician should act (paper near end). */
    static Verdict okWithWarning(String detail, Finding warning) {
        return new Verdict(CheckResult.Outcome.OK, detail, Optional.of(warning));
    }

    static Verdict fail(Finding finding, String detail) {
        return new Verdict(CheckResult.Outcome.FAIL, detail, Optional.of(finding));
    }

    static Verdict skipped(String why) {
        return new Verdict(CheckResult.Outcome.SKIPPED, why, Optional.empty());
    }
}
