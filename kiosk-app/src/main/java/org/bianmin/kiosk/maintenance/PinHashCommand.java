package org.bianmin.kiosk.maintenance;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bianmin.config.PinHash;

/**
 * {@code ./kiosk pin-hash}: makes the {@code maintenance.pinHash} line for a kiosk's configuration. On a terminal it
 * asks for the PIN twice without echoing it; otherwise it reads one line from standard input (for scripts). The PIN
 * is never printed, only its hash.
 */
public final class PinHashCommand {
    private static final String NAME = "kiosk pin-hash";

    private PinHashCommand() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        if (args.length > 0) {
            boolean help = args[0].equals("--help") || args[0].equals("-h");
            (help ? out : err).println("usage: ./kiosk pin-hash   (asks for a " + PinHash.MIN_PIN_DIGITS + "-" + PinHash.MAX_PIN_DIGITS
                    + " digit PIN twice, or reads it from standard input, and prints the maintenance.pinHash line to paste"
                    + " into the kiosk's configuration)");
            System.exit(help ? 0 : 2);
        }
        Console console = System.console();
        char[] pin = null;
        try {
            pin = console != null ? fromConsole(console, err) : fromStdin();
            String problem = PinHash.pinProblem(pin);
            if (problem != null) {
                err.println(NAME + ": " + problem + "; try again");
                System.exit(2);
            }
            out.println("maintenance.pinHash: " + PinHash.of(pin).encoded());
            err.println(NAME + ": paste this line under maintenance: in the kiosk's configuration as  pinHash: <the hash>");
        } catch (IOException e) {
            err.println(NAME + ": the PIN could not be read (" + e.getMessage() + ")");
            System.exit(2);
        } finally {
            if (pin != null) {
                Arrays.fill(pin, '\0');
            }
        }
    }

    private static char[] fromConsole(Console console, PrintStream err) {
        char[] first = console.readPassword("New maintenance PIN (" + PinHash.MIN_PIN_DIGITS + "-" + PinHash.MAX_PIN_DIGITS + " digits): ");
        char[] second = console.readPassword("The same PIN again: ");
        if (first == null || second == null) {
            err.println(NAME + ": no PIN was typed");
            System.exit(2);
        }
        boolean same = Arrays.equals(first, second);
        Arrays.fill(second, '\0');
        if (!same) {
            Arrays.fill(first, '\0');
            err.println(NAME + ": the two PINs differ; nothing was made, run it again");
            System.exit(2);
        }
        return first;
    }

    private static char[] fromStdin() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        return line == null ? new char[0] : line.strip().toCharArray();
    }
}
