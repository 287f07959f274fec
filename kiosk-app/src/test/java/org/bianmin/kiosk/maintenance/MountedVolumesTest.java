package org.bianmin.kiosk.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which mounts the technician is offered for a bundle: USB sticks where desktops and technicians mount them. */
class MountedVolumesTest {

    @Test
    void onlyMediaRunMediaAndMntMountPointsAreOffered() {
        List<String> table = List.of(
                "/dev/mmcblk0p2 / ext4 rw,noatime 0 0",
                "proc /proc proc rw 0 0",
                "/dev/sda1 /media/kiosk/STICK vfat rw,nosuid,nodev 0 0",
                "/dev/sdb1 /run/media/tech/U\\040DISK exfat rw 0 0",
                "/dev/sdc1 /mnt/usb vfat rw 0 0",
                "tmpfs /run/user/1000 tmpfs rw 0 0",
                "/dev/sdd1 /media/kiosk vfat rw 0 0");

        assertEquals(List.of(Path.of("/media/kiosk/STICK"), Path.of("/run/media/tech/U DISK"), Path.of("/mnt/usb")),
                MountedVolumes.removableMountPoints(table));
    }
}
