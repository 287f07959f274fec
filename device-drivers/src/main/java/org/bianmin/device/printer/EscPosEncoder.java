package org.bianmin.device.printer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;

/**
 * Turns a {@link Receipt} into ESC/POS bytes for one {@link PrinterProfile}: ESC @, Chinese mode
 * (FS &) with GB18030 text wrapped by display width, ESC a / ESC E / GS ! styles, native QR
 * ({@code GS ( k}, UTF-8 payload) or a raster fallback, {@code GS v 0} images in bands, and the
 * profile's cut. Pure: no I/O, the same receipt always gives the same bytes.
 */
public final class EscPosEncoder {
    /** QR model 2, the one every phone reads. */
    private static final int QR_MODEL_2 = 0x32;

    private final PrinterProfile profile;

    public EscPosEncoder(PrinterProfile profile) {
        this.profile = profile;
    }

    public PrinterProfile profile() {
        return profile;
    }

    /** The whole job as one byte array. */
    public byte[] encode(Receipt receipt) throws DeviceException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] c : encodeCommands(receipt)) {
            out.writeBytes(c);
        }
        return out.toByteArray();
    }

    /**
     * The job as whole commands in order. A writer may pause between any two of them (e.g. to poll
     * DLE EOT) without a real-time command landing inside another command's data.
     */
    public List<byte[]> encodeCommands(Receipt receipt) throws DeviceException {
        Job job = new Job();
        job.add(EscPos.initialise(), EscPos.chineseModeOn());
        for (Receipt.Element e : receipt.elements()) {
            switch (e) {
                case Receipt.Text t -> text(job, t);
                case Receipt.Pair p -> pair(job, p);
                case Receipt.Separator s -> separator(job, s);
                case Receipt.Qr q -> qr(job, q);
                case Receipt.Image i -> raster(job, RasterImage.of(i.image(), profile.dots(), i.dither()), i.align());
                case Receipt.Feed f -> {
                    if (f.lines() > 0) {
                        job.add(EscPos.feedLines(f.lines()));
                    }
                }
                case Receipt.Cut c -> cut(job);
            }
        }
        return job.commands;
    }

    private int columns(Receipt.Style style) {
        return profile.columns() / style.width();
    }

    private void text(Job job, Receipt.Text t) {
        for (String piece : ReceiptText.wrap(t.text(), columns(t.style()))) {
            job.line(t.style(), piece);
        }
    }

    private void pair(Job job, Receipt.Pair p) {
        int cols = columns(p.style());
        int free = cols - ReceiptText.width(p.left()) - ReceiptText.width(p.right());
        Receipt.Style left = new Receipt.Style(Align.LEFT, p.style().bold(), p.style().width(), p.style().height());
        if (p.right().isEmpty()) {
            text(job, new Receipt.Text(p.left(), left));
            return;
        }
        if (free >= 1) {
            job.line(left, p.left() + " ".repeat(free) + p.right());
            return;
        }
        text(job, new Receipt.Text(p.left(), left));
        text(job, new Receipt.Text(p.right(), new Receipt.Style(Align.RIGHT, left.bold(), left.width(), left.height())));
    }

    private void separator(Job job, Receipt.Separator s) {
        int n = profile.columns() / ReceiptText.width(s.character());
        job.line(Receipt.Style.NORMAL, String.valueOf(s.character()).repeat(n));
    }

    private void qr(Job job, Receipt.Qr q) throws DeviceException {
        byte[] data = q.payload().getBytes(StandardCharsets.UTF_8);
        if (profile.nativeQr()) {
            int modules = RasterImage.qrModulesAcross(data, q.level());
            int size = Math.min(q.moduleSize(), profile.dots() / modules);
            if (size < 1) {
                throw new DeviceException(DeviceError.BAD_LENGTH, "QR code of " + data.length + " bytes needs " + modules
                        + " modules, wider than the " + profile.dots() + " dots of " + profile.name() + "; shorten the payload");
            }
            job.align(q.align());
            job.add(EscPos.qrModel(QR_MODEL_2), EscPos.qrModuleSize(size), EscPos.qrErrorLevel(q.level()),
                    EscPos.qrStore(data), EscPos.qrPrint());
            return;
        }
        int modules = RasterImage.qrModulesAcross(data, q.level()) + 2 * RasterImage.QR_QUIET_MODULES;
        int size = Math.min(q.moduleSize(), profile.dots() / modules);
        if (size < 1) {
            throw new DeviceException(DeviceError.BAD_LENGTH, "QR code of " + data.length + " bytes needs " + modules
                    + " modules, wider than the " + profile.dots() + " dots of " + profile.name() + "; shorten the payload");
        }
        raster(job, RasterImage.qr(q.payload(), size, q.level()), q.align());
    }

    private void raster(Job job, RasterImage image, Align align) {
        job.align(align);
        int band = profile.rasterBandRows();
        for (int y = 0; y < image.height(); y += band) {
            int rows = Math.min(band, image.height() - y);
            job.add(EscPos.rasterHeader(image.bytesPerRow(), rows), image.rows(y, rows));
        }
    }

    private void cut(Job job) {
        switch (profile.cut()) {
            case FEED_AND_PARTIAL_CUT -> job.add(EscPos.feedAndCut(true, profile.cutFeed()));
            case FEED_AND_FULL_CUT -> job.add(EscPos.feedAndCut(false, profile.cutFeed()));
            case LEGACY_PARTIAL_CUT -> job.add(EscPos.feedLines(profile.tearFeedLines()), EscPos.legacyCut(true));
            case LEGACY_FULL_CUT -> job.add(EscPos.feedLines(profile.tearFeedLines()), EscPos.legacyCut(false));
            case NONE -> job.add(EscPos.feedLines(profile.tearFeedLines()));
        }
    }

    /** The commands so far and the printer modes they leave behind (as after ESC @). */
    private static final class Job {
        final List<byte[]> commands = new ArrayList<>();
        Align align = Align.LEFT;
        boolean bold;
        int width = 1;
        int height = 1;

        void add(byte[]... parts) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte[] p : parts) {
                out.writeBytes(p);
            }
            commands.add(out.toByteArray());
        }

        void align(Align a) {
            if (a != align) {
                add(EscPos.align(a));
                align = a;
            }
        }

        void line(Receipt.Style style, String text) {
            align(style.align());
            if (style.bold() != bold) {
                add(EscPos.bold(style.bold()));
                bold = style.bold();
            }
            if (style.width() != width || style.height() != height) {
                add(EscPos.characterSize(style.width(), style.height()));
                width = style.width();
                height = style.height();
            }
            // whole code points only, so no line ends in half a double-byte character
            byte[] text8 = text.getBytes(ReceiptText.GB18030);
            byte[] withLf = new byte[text8.length + 1];
            System.arraycopy(text8, 0, withLf, 0, text8.length);
            withLf[text8.length] = EscPos.LF;
            commands.add(withLf);
        }
    }
}
