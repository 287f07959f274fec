package org.bianmin.kiosk.maintenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Volumes from the kernel's mount table ({@code /proc/self/mounts}) mounted where desktops and technicians put USB
 * sticks: {@code /media/USER/LABEL}, {@code /run/media/USER/LABEL} and {@code /mnt/NAME}.
 */
public final class MountedVolumes implements Volumes {
    private static final Logger log = LoggerFactory.getLogger(MountedVolumes.class);
    private final Path mountTable;

    public MountedVolumes(Path mountTable) {
        this.mountTable = mountTable;
    }

    public static MountedVolumes ofThisMachine() {
        return new MountedVolumes(Path.of("/proc/self/mounts"));
    }

    @Override
    public List<Volume> mounted() {
        List<String> lines;
        try {
            lines = Files.readAllLines(mountTable);
        } catch (IOException e) {
            log.warn("mount table {} cannot be read: {}", mountTable, e.getMessage());
            return List.of();
        }
        List<Volume> out = new ArrayList<>();
        for (Path p : removableMountPoints(lines)) {
            try {
                if (Files.isDirectory(p) && Files.isWritable(p)) {
                    out.add(new Volume(p, Files.getFileStore(p).getUsableSpace()));
                }
            } catch (IOException e) {
                log.info("volume {} skipped: {}", p, e.getMessage());
            }
        }
        return out;
    }

    /** Mount points in a mount table's lines that are where removable volumes go. */
    static List<Path> removableMountPoints(List<String> mountTableLines) {
        List<Path> out = new ArrayList<>();
        for (String line : mountTableLines) {
            String[] f = line.split(" ");
            if (f.length < 2) {
                continue;
            }
            // the table escapes spaces and tabs in paths as octal: \040 and \011
            String point = f[1].replace("\\040", " ").replace("\\011", "\t");
            Path p = Path.of(point);
            int n = p.getNameCount();
            boolean media = point.startsWith("/media/") && n == 3;
            boolean runMedia = point.startsWith("/run/media/") && n == 4;
            boolean mnt = point.startsWith("/mnt/") && n == 2;
            if ((media || runMedia || mnt) && !out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }
}
