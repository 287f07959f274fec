package org.bianmin.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a kiosk's configuration: the bundled defaults ({@code config/kiosk.yaml}, carried in this jar), then each
 * file or value laid over them in turn, merged key by key ({@link MergedTree}) and checked strictly into a
 * {@link KioskConfig}. Every problem in every layer is reported at once in one {@link ConfigException}.
 *
 * <pre>{@code
 * KioskConfig c = KioskConfigLoader.load(Path.of("/etc/bianmin/kiosk.yaml"));
 * KioskConfig demo = KioskConfigLoader.overDefaults()
 *         .file(Path.of("config/kiosk-demo.yaml"))
 *         .set("backend.url", "http://localhost:" + port)
 *         .load();
 * }</pre>
 *
 * <p>Relative paths (token file, spool directory, trust anchors) resolve against the directory of the file that set
 * them; in the bundled defaults, in text given without a directory, and in values set by program, against the
 * working directory.
 */
public final class KioskConfigLoader {
    private static final Logger LOG = LoggerFactory.getLogger(KioskConfigLoader.class);
    private static final String DEFAULTS_RESOURCE = "kiosk.yaml";
    /** How messages name the bundled defaults. */
    public static final String DEFAULTS_SOURCE = "bundled defaults (config/kiosk.yaml)";

    /** Reads one layer when the configuration is loaded, so that problems in every layer are reported together. */
    @FunctionalInterface
    private interface LayerReader {
        ConfigLayer read() throws ConfigException;
    }

    private final List<LayerReader> layers;

    private KioskConfigLoader(List<LayerReader> layers) {
        this.layers = List.copyOf(layers);
    }

    /** A loader that starts from the bundled defaults. */
    public static KioskConfigLoader overDefaults() {
        return new KioskConfigLoader(List.of(KioskConfigLoader::defaultsLayer));
    }

    /** The bundled defaults alone. */
    public static KioskConfig defaults() {
        return overDefaults().load();
    }

    /** The defaults with {@code files} laid over them, the last file on top. */
    public static KioskConfig load(Path... files) {
        KioskConfigLoader loader = overDefaults();
        for (Path f : files) {
            loader = loader.file(f);
        }
        return loader.load();
    }

    /** The defaults with YAML text laid over them; its relative paths resolve against the working directory. */
    public static KioskConfig parse(String yaml) {
        return overDefaults().yaml("the given text", Path.of(""), yaml).load();
    }

    /** Lays a YAML file over what is there; it is read when the configuration is loaded. */
    public KioskConfigLoader file(Path file) {
        return with(() -> ConfigLayer.fromFile(file));
    }

    /** Lays YAML text over what is there; {@code source} names it in messages. */
    public KioskConfigLoader yaml(String source, Path baseDir, String yaml) {
        return with(() -> ConfigLayer.fromYaml(source, baseDir, yaml));
    }

    /**
     * Lays one value over what is there, by dotted path, e.g. {@code set("backend.url", "http://localhost:41234")};
     * it is checked like any other. Values are as {@link ConfigLayer#ofValues} takes them.
     */
    public KioskConfigLoader set(String dottedPath, Object value) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put(dottedPath, value);
        ConfigLayer layer = ConfigLayer.ofValues(ConfigLayer.SET_BY_PROGRAM, Path.of(""), one);
        return with(() -> layer);
    }

    /** Lays a layer read elsewhere over what is there. */
    public KioskConfigLoader layer(ConfigLayer layer) {
        return with(() -> layer);
    }

    /**
     * Reads every layer and merges them, without checking the result.
     *
     * @throws ConfigException when a layer cannot be read or is not YAML (all such layers named)
     */
    public MergedTree merged() {
        return MergedTree.merge(readAll());
    }

    /**
     * Reads, merges and checks.
     *
     * @throws ConfigException listing every problem in every layer
     */
    public KioskConfig load() {
        return load(true);
    }

    /**
     * Reads, merges and checks as on an admin's machine, which signs layers for kiosks: the files the configuration
     * names (trust anchors, CA certificates) lie on the kiosks, so their paths are checked but the files are not looked
     * for; each kiosk checks them when it binds the pushed layer.
     *
     * @throws ConfigException listing every other problem in every layer
     */
    public KioskConfig loadForKiosks() {
        return load(false);
    }

    private KioskConfig load(boolean filesHere) {
        List<ConfigLayer> read = readAll();
        List<ConfigProblem> earlier = new ArrayList<>();
        read.forEach(l -> earlier.addAll(l.problems()));
        KioskConfig config = KioskConfigBinder.bind(MergedTree.merge(read), defaultsLayer().tree(), earlier, filesHere);
        LOG.info("Kiosk configuration for {} (version {}) read from {}", config.identity().kioskId(), config.version(),
                read.stream().map(ConfigLayer::source).toList());
        return config;
    }

    private List<ConfigLayer> readAll() {
        List<ConfigLayer> read = new ArrayList<>();
        List<ConfigProblem> unreadable = new ArrayList<>();
        for (LayerReader r : layers) {
            try {
                read.add(r.read());
            } catch (ConfigException e) {
                unreadable.addAll(e.problems());
            }
        }
        if (!unreadable.isEmpty()) {
            throw new ConfigException(unreadable);
        }
        return read;
    }

    private KioskConfigLoader with(LayerReader next) {
        List<LayerReader> all = new ArrayList<>(layers);
        all.add(next);
        return new KioskConfigLoader(all);
    }

    private static ConfigLayer defaultsLayer() {
        return Defaults.LAYER;
    }

    /** The bundled defaults, read once. */
    private static final class Defaults {
        static final ConfigLayer LAYER = read();

        private static ConfigLayer read() {
            try (InputStream in = KioskConfigLoader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the config jar; rebuild the config module");
                }
                ConfigLayer layer = ConfigLayer.fromYaml(DEFAULTS_SOURCE, Path.of(""), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                if (!layer.problems().isEmpty()) {
                    throw new IllegalStateException("the bundled " + DEFAULTS_RESOURCE + " is broken: " + layer.problems());
                }
                return layer;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled " + DEFAULTS_RESOURCE, e);
            }
        }
    }
}
