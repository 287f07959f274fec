package org.bianmin.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The kiosk's secret for the backend, kept out of the configuration file: taken from the environment variable
 * {@value #ENVIRONMENT_VARIABLE} when set, else from the first line of {@code backend.tokenFile}. It never shows
 * itself in {@link #toString()}.
 */
public final class KioskToken {
    public static final String ENVIRONMENT_VARIABLE = "KIOSK_TOKEN";

    private final String value;

    private KioskToken(String value) {
        this.value = value;
    }

    /**
     * Finds the token.
     *
     * @param environment the process environment, e.g. {@code System.getenv()}
     * @throws ConfigException when there is none, naming where it was looked for
     */
    public static KioskToken resolve(BackendSettings backend, Map<String, String> environment) {
        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new KioskToken(fromEnvironment.strip());
        }
        Path file = backend.tokenFile().orElseThrow(() -> problem("null", "no kiosk token: backend.tokenFile is not set and "
                + ENVIRONMENT_VARIABLE + " is empty", "set " + ENVIRONMENT_VARIABLE + ", or name the token's file in backend.tokenFile"));
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw problem(file.toString(), "does not exist", "put the kiosk's token in this file, or set " + ENVIRONMENT_VARIABLE);
        } catch (AccessDeniedException e) {
            throw problem(file.toString(), "cannot be read (permission denied)", "make it readable by the kiosk's user (and nobody else)");
        } catch (CharacterCodingException e) {
            throw problem(file.toString(), "is not text", "put the token alone on the first line");
        } catch (IOException e) {
            throw problem(file.toString(), "cannot be read (" + e.getClass().getSimpleName() + ")", "check the file; it should hold the token on its first line");
        }
        String first = text.lines().findFirst().orElse("").strip();
        if (first.isEmpty()) {
            throw problem(file.toString(), "is empty", "put the kiosk's token on its first line");
        }
        return new KioskToken(first);
    }

    /** The token itself, for the {@code Authorization} header only. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KioskToken t && t.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return "KioskToken[hidden]";
    }

    private static ConfigException problem(String shown, String problem, String fix) {
        return new ConfigException(List.of(new ConfigProblem("backend.tokenFile", shown, problem, fix, "")));
    }
}
