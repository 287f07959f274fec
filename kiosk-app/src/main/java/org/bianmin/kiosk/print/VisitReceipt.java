package org.bianmin.kiosk.print;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bianmin.device.PersonalData;
import org.bianmin.device.printer.Receipt;
import org.bianmin.kiosk.backend.DocumentTicket;

/**
 * The receipt a visit ends with, in the order's language: the service, 办件编号, the time, the document's
 * title, its holder (masked), the verification code and a QR code of the public verification page.
 * It carries no other personal data.
 */
public final class VisitReceipt {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BEIJING);
    private static final String BUNDLE = "org.bianmin.kiosk.print.receipt";
    // 15- or 18-character resident ID numbers, unmasked
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])(\\d{17}[0-9Xx]|\\d{15})(?![0-9A-Za-z])");
    // a person's name: 2–4 Han characters, or a minority name with the middle dot (买买提·艾力)
    private static final Pattern PERSON_NAME = Pattern.compile("\\p{IsHan}{2,4}|\\p{IsHan}{1,10}[·•]\\p{IsHan}{1,10}");

    private VisitReceipt() {}

    /** The receipt for {@code order}, printed at {@code kioskName} at {@code at}. */
    public static Receipt of(PrintOrder order, String kioskName, Instant at) {
        ResourceBundle t = ResourceBundle.getBundle(BUNDLE, order.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        DocumentTicket ticket = order.ticket();
        Receipt.Builder r = Receipt.builder()
                .centre().bold(true).doubleSize()
                .line(t.getString("title"))
                .normalSize().bold(false)
                .line(kioskName)
                .plain()
                .separator('=')
                .pair(t.getString("service"), order.serviceName())
                .pair(t.getString("caseNumber"), ticket.caseNumber())
                .pair(t.getString("time"), TIME.format(at))
                .pair(t.getString("document"), ticket.title());
        String holder = maskedHolder(ticket.holder());
        if (!holder.isBlank()) {
            r.pair(t.getString("holder"), holder);
        }
        return r.bold(true).pair(t.getString("verificationCode"), ticket.verificationCode()).bold(false)
                .separator()
                .centre()
                .qr(ticket.verifyUrl())
                .plain()
                .line(t.getString("verifyHint"))
                .line(ticket.verifyUrl())
                .feed(1)
                .line(t.getString("keep"))
                .feed(1)
                .cut()
                .build();
    }

    /**
     * The holder as the backend sent it (a citizen masked, an organisation in full), masked again
     * when it still looks like a person's full name or ID number: a receipt left on the counter must
     * not name anyone.
     */
    static String maskedHolder(String holder) {
        if (holder == null || holder.isBlank()) {
            return "";
        }
        Matcher id = ID_NUMBER.matcher(holder.strip());
        String s = id.replaceAll(m -> Matcher.quoteReplacement(PersonalData.maskIdNumber(m.group())));
        if (!s.contains("*") && PERSON_NAME.matcher(s).matches()) {
            return PersonalData.maskName(s);
        }
        return s;
    }
}
