package org.bianmin.kiosk.maintenance;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.bianmin.device.PersonalData;

/**
 * The kiosk's log file as technicians see it: its last lines, masked once more on the way out (ID numbers, mobile
 * numbers, technician codes and bearer tokens), in case something was ever logged that should not have been.
 */
public final class KioskLog {
    public static final String FILE_NAME = "kiosk.log";
    // an 18-character resident ID number, or an old 15-digit one
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])([0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9A-Za-z])");
    // a mainland mobile number: 11 digits starting 13-19
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(1[3-9][0-9])([0-9]{4})([0-9]{4})(?![0-9])");
    private static final Pattern TECHNICIAN_CODE = Pattern.compile("BMTECH1:[A-Za-z0-9]+");
    private static final Pattern BEARER = Pattern.compile("(?i)(Bearer\\s+)\\S+");

    private final Path file;

    public KioskLog(Path file) {
        this.file = file;
    }

    /**
     * Where the kiosk's logback configuration writes: {@code kiosk.log.dir}, else {@code kiosk.home/out/logs}, else
     * {@code out/logs} under the working directory.
     */
    public static KioskLog ofThisProcess() {
        String dir = System.getProperty("kiosk.log.dir");
        if (dir == null || dir.isBlank()) {
            dir = System.getProperty("kiosk.home", ".") + "/out/logs";
        }
        return new KioskLog(Path.of(dir, FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /** The last {@code n} lines, masked; empty when there is no log yet. */
    public List<String> tail(int n) throws IOException {
        List<String> lines = lastLines(n, 256 * 1024);
        return lines.stream().map(KioskLog::mask).toList();
    }

    /** Up to {@code maxBytes} from the end of the log, whole lines only, masked. */
    public List<String> lastBytes(int maxBytes) throws IOException {
        return lastLines(Integer.MAX_VALUE, maxBytes).stream().map(KioskLog::mask).toList();
    }

    private List<String> lastLines(int n, int maxBytes) throws IOException {
        byte[] bytes;
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            long size = ch.size();
            long from = Math.max(0, size - maxBytes);
            ByteBuffer buf = ByteBuffer.allocate((int) (size - from));
            ch.position(from);
            while (buf.hasRemaining() && ch.read(buf) > 0) {
                // reads until the buffer is full or the file ends
            }
            bytes = buf.array();
            String text = new String(bytes, 0, buf.position(), StandardCharsets.UTF_8);
            List<String> all = new ArrayList<>(text.lines().toList());
            if (from > 0 && !all.isEmpty()) {
                all.removeFirst(); // cut in the middle of a line
            }
            return all.size() <= n ? all : List.copyOf(all.subList(all.size() - n, all.size()));
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    /** One log line with anything personal or secret masked. */
    public static String mask(String line) {
        String s = ID_NUMBER.matcher(line).replaceAll(m -> PersonalData.maskIdNumber(m.group()));
        s = MOBILE.matcher(s).replaceAll("$1****$3");
        s = TECHNICIAN_CODE.matcher(s).replaceAll("BMTECH1:****");
        return BEARER.matcher(s).replaceAll("$1****");
    }
}
