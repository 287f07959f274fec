package org.bianmin.device.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bianmin.device.link.Hex;
import org.junit.jupiter.api.Test;

class ScanStreamTest {

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> describe(List<ScanItem> items) {
        return items.stream().map(i -> switch (i) {
            case ScanItem.Code c -> "code " + c.code().text();
            case ScanItem.Reply r -> "reply " + Hex.of(r.frame());
            case ScanItem.Rejected r -> "rejected " + r.error().error();
        }).toList();
    }

    @Test
    void aNewlandAckBetweenCodesIsTakenOutAsAReply() {
        ScanStream s = new ScanStream(ScanFormat.defaults(), TriggerProtocol.NEWLAND);
        byte[] ack = Hex.parse("02 01 30 30 30 30 23 53 43 4E 54 52 47 31 06 3B 03");
        byte[] in = concat(utf8("一号\r"), ack, utf8("二号\r"));
        assertEquals(List.of("code 一号", "reply " + Hex.of(ack), "code 二号"), describe(s.accept(in, 0, in.length)));
    }

    @Test
    void aGm65AckRightAfterACodeWithoutTailEndsThatCode() {
        ScanStream s = new ScanStream(ScanFormat.defaults(), TriggerProtocol.GM65);
        byte[] in = concat(utf8("ABC"), Hex.parse("02 00 00 01 00 33 31"), utf8("DEF"));
        List<ScanItem> items = new ArrayList<>(s.accept(in, 0, in.length));
        items.addAll(s.endOfBurst());
        assertEquals(List.of("code ABC", "reply 02 00 00 01 00 33 31", "code DEF"), describe(items));
    }

    @Test
    void aReplySplitAcrossReadsIsStillOneReply() {
        ScanStream s = new ScanStream(ScanFormat.defaults(), TriggerProtocol.GM65);
        byte[] ack = Hex.parse("02 00 00 01 00 33 31");
        List<ScanItem> items = new ArrayList<>();
        for (byte b : ack) {
            items.addAll(s.accept(new byte[] {b}, 0, 1));
        }
        assertEquals(List.of("reply 02 00 00 01 00 33 31"), describe(items));
    }

    @Test
    void anStxThatStartsNoReplyGoesToTheCodeAndIsStripped() {
        ScanStream s = new ScanStream(ScanFormat.defaults(), TriggerProtocol.NEWLAND);
        byte[] in = concat(Hex.parse("02 01 30"), utf8("X\r"));
        assertEquals(List.of("code 0X"), describe(s.accept(in, 0, in.length)));
    }

    @Test
    void anUnfinishedReplyAtTheIdleGapIsNoReply() {
        ScanStream s = new ScanStream(ScanFormat.defaults(), TriggerProtocol.GM65);
        byte[] in = concat(Hex.parse("02 00 00 05"), utf8("Z"));
        assertEquals(List.of(), s.accept(in, 0, in.length));
        ScanItem last = s.endOfBurst().get(0);
        assertEquals("Z", assertInstanceOf(ScanItem.Code.class, last).code().text());
    }

    @Test
    void withoutACommandProtocolReplyLookingBytesAreJustData() {
        ScanStream s = new ScanStream(ScanFormat.defaults(), TriggerProtocol.NONE);
        byte[] in = concat(Hex.parse("02 00 00 01 00 33 31"), utf8("\r"));
        assertEquals(List.of("code 31"), describe(s.accept(in, 0, in.length)));
    }
}
