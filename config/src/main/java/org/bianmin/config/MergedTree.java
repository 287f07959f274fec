package org.bianmin.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration layers merged into one tree, later layers over earlier ones, with the origin of every value.
 *
 * <p>The merge is a deep merge of mappings: a key present in a later layer replaces the earlier value, except that
 * two mappings merge key by key. Lists and single values replace whole; an explicit {@code null} replaces too (it
 * clears an optional value). The same merge lays a kiosk's file over the bundled defaults and, in the fleet,
 * fleet over group over kiosk.
 *
 * @param tree    the merged tree
 * @param origins for every path present in {@code tree}, the layer and line that set it last
 */
public record MergedTree(ObjectNode tree, Map<String, Origin> origins) {

    public MergedTree {
        tree = tree.deepCopy();
        origins = Map.copyOf(origins);
    }

    /** A copy: the merged tree does not change once made. */
    @Override
    public ObjectNode tree() {
        return tree.deepCopy();
    }

    /** Lays {@code layers} over one another, first at the bottom. */
    public static MergedTree merge(List<ConfigLayer> layers) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        Map<String, Origin> origins = new HashMap<>();
        for (ConfigLayer layer : layers) {
            mergeInto(tree, layer.tree(), "", layer, origins);
        }
        return new MergedTree(tree, origins);
    }

    /** Where the value at {@code path} came from, or from the nearest enclosing value that has an origin. */
    public Optional<Origin> origin(String path) {
        String p = path;
        while (true) {
            Origin o = origins.get(p);
            if (o != null || p.isEmpty()) {
                return Optional.ofNullable(o);
            }
            p = parent(p);
        }
    }

    private static void mergeInto(ObjectNode target, ObjectNode overlay, String path, ConfigLayer layer, Map<String, Origin> origins) {
        for (Iterator<Map.Entry<String, JsonNode>> it = overlay.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String child = Values.child(path, e.getKey());
            JsonNode existing = target.get(e.getKey());
            origins.put(child, origin(layer, child));
            if (existing instanceof ObjectNode into && e.getValue() instanceof ObjectNode from) {
                mergeInto(into, from, child, layer, origins);
            } else {
                origins.keySet().removeIf(p -> isInside(p, child));
                target.set(e.getKey(), e.getValue().deepCopy());
                recordAll(e.getValue(), child, layer, origins);
            }
        }
    }

    private static void recordAll(JsonNode value, String path, ConfigLayer layer, Map<String, Origin> origins) {
        origins.put(path, origin(layer, path));
        if (value.isObject()) {
            value.properties().forEach(e -> recordAll(e.getValue(), Values.child(path, e.getKey()), layer, origins));
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                recordAll(value.get(i), path + "[" + i + "]", layer, origins);
            }
        }
    }

    private static Origin origin(ConfigLayer layer, String path) {
        return new Origin(layer.source(), layer.baseDir(), layer.lines().getOrDefault(path, 0));
    }

    private static boolean isInside(String p, String ancestor) {
        return p.length() > ancestor.length() && p.startsWith(ancestor)
                && (p.charAt(ancestor.length()) == '.' || p.charAt(ancestor.length()) == '[');
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }
}
