package org.bianmin.backend.fleet;

import java.time.Duration;
import java.time.Instant;

/** How long ago something happened, in the words of a table cell: "12 s ago", "5 min ago" / "12 秒前", "5 分钟前". */
public final class Elapsed {
    private Elapsed() {
    }

    /** English, for the command line: {@code 12 s ago}, {@code 5 min ago}, {@code 3 h ago}, {@code 2 d ago}; null gives "never". */
    public static String english(Instant then, Instant now) {
        if (then == null) {
            return "never";
        }
        long s = Math.max(0, Duration.between(then, now).toSeconds());
        if (s < 60) {
            return s + " s ago";
        }
        if (s < 3600) {
            return s / 60 + " min ago";
        }
        if (s < 48 * 3600) {
            return s / 3600 + " h ago";
        }
        return s / 86_400 + " d ago";
    }

    /** Chinese, for the console: {@code 12 秒前}, {@code 5 分钟前}, {@code 3 小时前}, {@code 2 天前}; null gives "从未". */
    public static String chinese(Instant then, Instant now) {
        if (then == null) {
            return "从未";
        }
        long s = Math.max(0, Duration.between(then, now).toSeconds());
        if (s < 60) {
            return s + " 秒前";
        }
        if (s < 3600) {
            return s / 60 + " 分钟前";
        }
        if (s < 48 * 3600) {
            return s / 3600 + " 小时前";
        }
        return s / 86_400 + " 天前";
    }
}
