package org.bianmin.kiosk.diag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.HealthLevel;
import org.bianmin.device.HealthReport;
import org.bianmin.device.document.sim.SpoolDocumentPrinter;

/**
 * Checks the simulated A4 printer of a {@code spool:DIR} config: that the directory exists (or can be made)
 * and takes a file, then asks the simulator's driver its health.
 */
final class SpoolCheck implements DeviceCheck {
    private final String device;
    private final Path dir;
    private final boolean required;

    SpoolCheck(String device, Path dir, boolean required) {
        this.device = device;
        this.dir = dir;
        this.required = required;
    }

    @Override
    public String device() {
        return device;
    }

    @Override
    public String port() {
        return "spool:" + dir;
    }

    @Override
    public boolean required() {
        return required;
    }

    @Override
    public boolean simulated() {
        return true;
    }

    @Override
    public Verdict check() {
        try {
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, ".selftest-", ".tmp"));
        } catch (IOException | SecurityException e) {
            String user = System.getProperty("user.name", "kiosk");
            return Verdict.fail(Finding.of(DeviceError.BAD_SETTINGS)
                            .cause("模拟打印机的目录 " + dir + " 无法创建或写入", "the simulated printer's directory " + dir + " cannot be made or written")
                            .remedy("让用户 " + user + " 能写这个目录（sudo chown " + user + " " + dir + "），或改正 devices.documentPrinter.queue: spool:目录",
                                    "let user " + user + " write it (sudo chown " + user + " " + dir + "), or correct devices.documentPrinter.queue: spool:DIR"),
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        try (SpoolDocumentPrinter printer = new SpoolDocumentPrinter(device, dir)) {
            printer.open();
            HealthReport h = printer.checkHealth(HealthLevel.INTERNAL);
            if (!h.healthy()) {
                return Verdict.fail(Finding.of(h.errorIfAny().orElse(DeviceError.INTERNAL)), h.detail());
            }
            return Verdict.ok("simulated A4 printer, writes each PDF into the directory: " + h.detail());
        } catch (IOException e) {
            return Verdict.fail(Finding.of(DeviceError.BAD_SETTINGS), dir + ": " + e.getMessage());
        } catch (DeviceException e) {
            return Verdict.fail(Finding.of(e.error()), e.getMessage());
        }
    }
}
