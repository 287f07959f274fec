package org.bianmin.kiosk.diag;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.idcard.SamCodec;
import org.bianmin.device.idcard.SamCommand;
import org.bianmin.device.idcard.SamFrameReceiver;
import org.bianmin.device.idcard.SamReply;
import org.bianmin.device.idcard.Sw3;
import org.bianmin.device.link.ForwardingLink;
import org.bianmin.device.link.Hex;
import org.bianmin.device.link.LinkException;
import org.bianmin.device.link.SerialLink;
import org.bianmin.device.printer.EscPos;
import org.bianmin.device.printer.EscPosStatus;
import org.bianmin.device.printer.PrinterStatus;
import org.bianmin.device.scanner.ScannerProbe;
import org.bianmin.device.scanner.TriggerProtocol;

/**
 * The question each serial device kind answers without changing anything: the receipt printer its four
 * real-time status bytes (DLE EOT 1..4), the ID card reader its SAM_V status (11 FF), the QR scanner a
 * GM65 or Newland settings query. Each tells an answer from silence and from garbage (bytes that are not
 * the protocol: a baud mismatch or another device).
 */
enum Handshake {
    ESC_POS("an ESC/POS receipt printer", "ESC/POS 小票打印机", List.of(9600, 19200, 38400, 115200)) {
        @Override
        Reply ask(SerialLink link, Duration wait) throws LinkException {
            link.discardInput();
            int[] replies = new int[4];
            for (int n = 1; n <= 4; n++) {
                link.write(EscPos.statusRequest(n));
                Received got = statusByte(link, wait);
                if (got.sample().length > 0 && got.value() < 0) {
                    return new Reply.Garbage("DLE EOT " + n + " was answered with " + Hex.of(got.sample()) + ", not a status byte");
                }
                if (got.value() < 0) {
                    return n == 1 ? new Reply.Silent() : new Reply.Garbage("DLE EOT 1 was answered but DLE EOT " + n + " was not");
                }
                replies[n - 1] = got.value();
            }
            PrinterStatus s = new PrinterStatus(replies[0], replies[1], replies[2], replies[3]);
            Optional<Finding> problem = s.problem().map(Finding::of);
            Optional<Finding> warning = problem.isEmpty() && s.paperNearEnd() ? Optional.of(Finding.of(DeviceError.PAPER_NEAR_END))
                    : Optional.empty();
            return new Reply.Answered(s.summary(), problem, warning, Optional.empty());
        }
    },
    SAM_V("a SAM_V ID card reader", "SAM_V 身份证读卡器", List.of(115200, 57600, 38400, 19200, 9600)) {
        @Override
        Reply ask(SerialLink link, Duration wait) throws LinkException {
            link.discardInput();
            link.write(SamCommand.SAM_STATUS.frame());
            SamFrameReceiver receiver = SamFrameReceiver.forReplies();
            byte[] buf = new byte[256];
            byte[] sample = new byte[0];
            long deadline = System.nanoTime() + wait.toNanos();
            long left;
            while ((left = deadline - System.nanoTime()) > 0) {
                int n = link.read(buf, 0, buf.length, Duration.ofNanos(left));
                if (sample.length < SAMPLE) {
                    sample = concat(sample, buf, Math.min(n, SAMPLE - sample.length));
                }
                for (int i = 0; i < n; i++) {
                    Optional<SamFrameReceiver.Result> r = receiver.push(buf[i]);
                    if (r.isPresent()) {
                        return samReply(r.get(), sample);
                    }
                }
            }
            return sample.length == 0 ? new Reply.Silent() : new Reply.Garbage("11 FF was answered with " + Hex.of(sample)
                    + ", not a SAM_V frame");
        }

        private Reply samReply(SamFrameReceiver.Result r, byte[] sample) {
            if (!(r instanceof SamFrameReceiver.Frame f)) {
                return new Reply.Garbage("11 FF was answered with " + Hex.of(sample) + " (" + ((SamFrameReceiver.Rejected) r).detail() + ")");
            }
            SamReply reply;
            try {
                reply = SamCodec.decodeReply(f.bytes());
            } catch (DeviceException e) {
                return new Reply.Garbage("11 FF was answered with a broken SAM_V frame: " + e.getMessage());
            }
            int sw3 = reply.sw3();
            Optional<Sw3> known = Sw3.of(sw3);
            String hex = String.format("%02X", sw3);
            if (reply.is(Sw3.OK)) {
                return new Reply.Answered("SAM_V status " + hex + " (" + Sw3.OK.en() + ")", Optional.empty(), Optional.empty(),
                        Optional.empty());
            }
            String en = known.map(Sw3::en).orElse("a status the protocol does not define");
            String zh = known.map(Sw3::zh).orElse("协议未定义的状态");
            Finding fault = Finding.of(DeviceError.SAM_FAULT).cause("SAM_V 应答状态 " + hex + "：" + zh,
                    "the SAM_V answers status " + hex + ": " + en);
            return new Reply.Answered("SAM_V status " + hex, Optional.of(fault), Optional.empty(), Optional.empty());
        }
    },
    SCANNER("a QR scanner (GM65 or Newland commands)", "二维码扫描枪（GM65 或新大陆指令）", List.of(9600, 115200, 57600, 38400, 19200)) {
        @Override
        Reply ask(SerialLink link, Duration wait) throws LinkException {
            Counting counting = new Counting(link);
            Optional<TriggerProtocol> p = ScannerProbe.identify(counting, wait);
            if (p.isPresent()) {
                String what = p.get() == TriggerProtocol.GM65 ? "a GM65-family scanner answers its zone read"
                        : "a Newland scanner answers its setting query";
                return new Reply.Answered(what, Optional.empty(), Optional.empty(), p);
            }
            return counting.sample.length == 0 ? new Reply.Silent()
                    : new Reply.Garbage("the GM65 and Newland queries were answered with " + Hex.of(counting.sample) + ", neither protocol");
        }
    };

    /** How many bytes of garbage a finding shows. */
    private static final int SAMPLE = 16;

    private final String en;
    private final String zh;
    private final List<Integer> usualBauds;

    Handshake(String en, String zh, List<Integer> usualBauds) {
        this.en = en;
        this.zh = zh;
        this.usualBauds = usualBauds;
    }

    /** Asks the device on {@code link}, waiting up to {@code wait} for each answer. */
    abstract Reply ask(SerialLink link, Duration wait) throws LinkException;

    /** What answers this handshake, e.g. "an ESC/POS receipt printer". */
    String en() {
        return en;
    }

    String zh() {
        return zh;
    }

    /** The baud rates this kind of device usually runs at, the factory setting first. */
    List<Integer> usualBauds() {
        return usualBauds;
    }

    /** What came back to one question. */
    sealed interface Reply {
        /**
         * The device answered in its protocol.
         *
         * @param problem why it cannot work now (paper out, SAM_V fault), if it cannot
         * @param warning what works but needs the technician (paper near end)
         * @param speaks  the command protocol a scanner answered in
         */
        record Answered(String detail, Optional<Finding> problem, Optional<Finding> warning, Optional<TriggerProtocol> speaks)
                implements Reply {}

        /** Nothing came back. */
        record Silent() implements Reply {}

        /** Bytes came back that are not this protocol. */
        record Garbage(String detail) implements Reply {}
    }

    /** One DLE EOT reply: the status byte, or -1, with the bytes that came instead of it. */
    private record Received(int value, byte[] sample) {}

    private static Received statusByte(SerialLink link, Duration wait) throws LinkException {
        byte[] sample = new byte[0];
        long deadline = System.nanoTime() + wait.toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            int b = link.readByte(Duration.ofNanos(left));
            if (b < 0 || EscPosStatus.isFlowControl(b)) {
                continue;
            }
            if (EscPosStatus.isStatusByte(b)) {
                return new Received(b, new byte[0]);
            }
            sample = concat(sample, new byte[] {(byte) b}, 1);
            // the rest of a garbage burst shows the technician what kind of garbage it is
            byte[] rest = new byte[SAMPLE - 1];
            int n = link.read(rest, 0, rest.length, Duration.ofMillis(50));
            return new Received(-1, concat(sample, rest, n));
        }
        return new Received(-1, sample);
    }

    private static byte[] concat(byte[] a, byte[] b, int n) {
        byte[] out = new byte[a.length + n];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, n);
        return out;
    }

    /** Keeps the first bytes read, so a probe that found nothing can tell silence from garbage. */
    private static final class Counting extends ForwardingLink {
        private byte[] sample = new byte[0];

        Counting(SerialLink inner) {
            super(inner);
        }

        @Override
        public int read(byte[] buffer, int offset, int length, Duration timeout) throws LinkException {
            int n = inner.read(buffer, offset, length, timeout);
            if (n > 0 && sample.length < SAMPLE) {
                byte[] got = new byte[Math.min(n, SAMPLE - sample.length)];
                System.arraycopy(buffer, offset, got, 0, got.length);
                sample = concat(sample, got, got.length);
            }
            return n;
        }
    }
}
