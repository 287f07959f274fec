package org.bianmin.device.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input gets one line that says what is wrong and what to do, and an exit code that says what kind. */
class BadInputTest {
    @TempDir
    Path dir;

    private static void assertOneLine(CliRun r, int exit, String mustMention) {
        assertEquals(exit, r.exit(), r.toString());
        assertTrue(r.oneCleanErrorLine(), "one clean line expected, got: " + r.err());
        assertTrue(r.err().contains(mustMention), "should mention '" + mustMention + "': " + r.err());
    }

    @Test
    void aMissingPortOptionIsAUsageError() {
        assertOneLine(CliRun.of("diag", "read-card"), ExitCodes.USAGE, "--port");
    }

    @Test
    void anUnknownPortSaysItDoesNotExistAndListsThePorts() {
        CliRun r = CliRun.of("diag", "read-card", "--port", dir.resolve("ttyUSB9").toString());
        assertOneLine(r, ExitCodes.LINK, "does not exist");
        assertTrue(r.err().contains("ports found") || r.err().contains("no serial ports"), r.err());
    }

    @Test
    void aNonStandardBaudIsRefusedWithTheRatesThatExist() {
        assertOneLine(CliRun.of("diag", "status", "--port", dir.resolve("x").toString(), "--baud", "12345"), ExitCodes.LINK, "115200");
    }

    @Test
    void anUnknownFlowControlIsNamed() {
        assertOneLine(CliRun.of("diag", "status", "--port", dir.resolve("x").toString(), "--flow", "dtr"), ExitCodes.LINK, "rts-cts");
    }

    @Test
    void anUnknownCardKindListsTheKindsThereAre() {
        assertOneLine(CliRun.of("sim", "id-card", "--port", dir.resolve("x").toString(), "--card", "nobody"), ExitCodes.USAGE, "foreigner-2023");
    }

    @Test
    void aPaperWidthThatDoesNotExistIsRefused() {
        assertOneLine(CliRun.of("diag", "print-test", "--port", dir.resolve("x").toString(), "--width", "70"), ExitCodes.USAGE, "58 or 80");
    }

    @Test
    void anUnknownScannerProtocolListsTheProtocols() {
        assertOneLine(CliRun.of("diag", "scan", "--port", dir.resolve("x").toString(), "--protocol", "zebra"), ExitCodes.USAGE, "newland");
    }

    @Test
    void aNetworkPrinterThatRefusesSaysWhatToCheck() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertOneLine(CliRun.of("diag", "status", "--port", "tcp://127.0.0.1:" + port), ExitCodes.LINK, "connection refused");
    }

    @Test
    void aTimeoutOfZeroIsAUsageErrorNotAnInternalOne() {
        assertOneLine(CliRun.of("diag", "scan", "--port", dir.resolve("x").toString(), "--timeout", "0"), ExitCodes.USAGE, "--timeout 0");
    }

    @Test
    void aTcpPortOutOfRangeIsNamed() {
        assertOneLine(CliRun.of("diag", "status", "--port", "tcp://127.0.0.1:99999"), ExitCodes.LINK, "1 to 65535");
        assertOneLine(CliRun.of("diag", "status", "--port", "tcp://:9100"), ExitCodes.LINK, "address is missing");
    }

    @Test
    void aDirectoryIsNotASerialPort() {
        assertOneLine(CliRun.of("diag", "read-card", "--port", dir.toString()), ExitCodes.LINK, "not a serial port");
    }

    @Test
    void thePrinterSimulatorNeedsExactlyOnePlaceToAnswer() {
        assertOneLine(CliRun.of("sim", "receipt-printer"), ExitCodes.USAGE, "--listen");
    }

    @Test
    void aTraceNeedsToKnowWhatToTrace() {
        CliRun r = CliRun.of("diag", "trace", "--port", dir.resolve("x").toString());
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.err().contains("--kind") && r.err().contains("--to"), r.err());
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        CliRun r = CliRun.of("diag", "frobnicate");
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.err().contains("frobnicate"), r.err());
    }

    @Test
    void jsonFailuresAreOneDocumentOnStandardOutput() {
        CliRun r = CliRun.of("diag", "read-card", "--port", dir.resolve("gone").toString(), "--json");
        assertEquals(ExitCodes.LINK, r.exit());
        assertTrue(r.out().startsWith("{\"ok\":false,\"code\":\"LNK-01\",\"error\":\"PORT_NOT_FOUND\""), r.out());
        assertTrue(r.err().isEmpty(), r.err());
    }
}
