package org.bianmin.backend.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bianmin.config.signing.ConfigTarget;

/**
 * Words the warnings of a push whose layer names services the backend does not offer where it goes: a code in
 * {@code services} or a key of {@code guides} that a kiosk of the target is not offered is never shown there (a typo, or a
 * service not enabled at that kiosk yet). The push still goes through, since the catalog may change later.
 */
public final class UnofferedServices {
    private static final int KIOSKS_NAMED = 5;
    private static final int CODES_LISTED = 8;
    // a layer that skipped the admin tool's schema check may hold any key; a warning shows at most this much of it
    private static final int SHOWN_CHARS = 64;

    /** A service code the layer names, and where: {@code services} (an item) or {@code guides} (a key). */
    record Named(String section, String code) {
    }

    private UnofferedServices() {
    }

    /** Whether {@code layer} names any service code, so that there is something to look up. */
    public static boolean namesAny(ObjectNode layer) {
        return !named(layer).isEmpty();
    }

    /**
     * One warning per code the layer names that some of {@code kiosks} do not offer: the {@code services} items first, then
     * the {@code guides} keys, each in the layer's order. With no kiosk to reach, only codes the catalog lacks are warned of.
     *
     * @param kiosks  the kiosks the push reaches, by id
     * @param offered the codes each kiosk offers; a kiosk not in it offers none
     * @param catalog every service code the backend has, in the order to list them
     */
    public static List<String> warnings(ObjectNode layer, ConfigTarget target, List<String> kiosks, Map<String, List<String>> offered,
                                        List<String> catalog) {
        List<String> warnings = new ArrayList<>();
        for (Named n : named(layer)) {
            List<String> lacking = kiosks.stream().filter(k -> !offered.getOrDefault(k, List.of()).contains(n.code())).toList();
            boolean inCatalog = catalog.contains(n.code());
            if (kiosks.isEmpty() ? !inCatalog : !lacking.isEmpty()) {
                warnings.add(warning(n, target, kiosks, lacking, offered, catalog, inCatalog));
            }
        }
        return List.copyOf(warnings);
    }

    static List<Named> named(ObjectNode layer) {
        Set<Named> named = new LinkedHashSet<>();
        JsonNode services = layer.path("services");
        if (services.isArray()) {
            services.forEach(item -> {
                if (item.isTextual()) {
                    named.add(new Named("services", item.textValue()));
                }
            });
        }
        JsonNode guides = layer.path("guides");
        if (guides.isObject()) {
            // a guide set to null drops what lower layers set, and shows nothing itself
            guides.properties().stream().filter(e -> !e.getValue().isNull()).forEach(e -> named.add(new Named("guides", e.getKey())));
        }
        return List.copyOf(named);
    }

    private static String warning(Named n, ConfigTarget target, List<String> kiosks, List<String> lacking,
                                  Map<String, List<String>> offered, List<String> catalog, boolean inCatalog) {
        boolean guide = n.section().equals("guides");
        String code = shown(n.code());
        StringBuilder b = new StringBuilder(guide ? "guides." + code + ": this service" : "services: '" + code + "'");
        if (kiosks.isEmpty()) {
            b.append(" is not in the backend's catalog, so no kiosk will show ").append(guide ? "this guide" : "it");
        } else {
            if (kiosks.size() == 1) {
                String k = kiosks.getFirst();
                b.append(" is not offered at ").append(k).append(" (it offers ")
                        .append(listed(offered.getOrDefault(k, List.of()), CODES_LISTED, "none")).append(")");
            } else if (lacking.size() == kiosks.size()) {
                b.append(" is not offered at any of the ").append(kiosks.size()).append(" kiosks of ").append(shown(target));
            } else {
                b.append(" is not offered at ").append(lacking.size()).append(" of ").append(kiosks.size()).append(" kiosks of ")
                        .append(shown(target)).append(" (").append(listed(lacking, KIOSKS_NAMED, "")).append(")");
            }
            b.append(guide ? ", so this guide is never shown there" : lacking.size() == 1 ? ", so its Home will not show it"
                    : ", so their Home screens will not show it");
        }
        if (inCatalog) {
            b.append("; the catalog has it, so it shows once the backend offers it there (or take it out of the layer)");
        } else {
            Optional<String> near = nearest(n.code(), catalog);
            b.append(near.map(c -> "; check the code: did you mean '" + c + "'?")
                    .orElseGet(() -> "; check the code (the catalog has: " + listed(catalog, CODES_LISTED, "no services yet") + ")"));
        }
        return b.toString();
    }

    private static String shown(ConfigTarget target) {
        return target instanceof ConfigTarget.Fleet ? "the fleet" : target.toString();
    }

    /** "a, b, c and 4 more", naming at most {@code max}. */
    private static String listed(List<String> items, int max, String none) {
        if (items.isEmpty()) {
            return none;
        }
        String named = String.join(", ", items.subList(0, Math.min(max, items.size())));
        return items.size() > max ? named + " and " + (items.size() - max) + " more" : named;
    }

    /** The catalog code closest to {@code code} by edits, if one is close enough to be a typo of it. */
    static Optional<String> nearest(String code, List<String> catalog) {
        int allowed = Math.clamp(code.length() / 4, 1, 3);
        String best = null;
        int bestDistance = allowed + 1;
        for (String c : catalog) {
            if (Math.abs(c.length() - code.length()) > allowed) {
                continue;
            }
            int d = distance(code, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance: the fewest insertions, deletions and substitutions that turn {@code a} into {@code b}. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }

    private static String shown(String code) {
        String text = code.replaceAll("\\p{Cntrl}", "?");
        return text.length() > SHOWN_CHARS ? text.substring(0, SHOWN_CHARS - 3) + "..." : text;
    }
}
