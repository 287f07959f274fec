package org.bianmin.config.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Canonical bytes depend on what a tree says, never on how its keys happen to be ordered, and say all of it. */
class CanonicalJsonProperties {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Provide
    Arbitrary<ObjectNode> configs() {
        return Trees.configs();
    }

    @Property(tries = 300)
    void reorderingTheKeysOfAnyTreeKeepsItsBytes(@ForAll("configs") ObjectNode tree, @ForAll Random random) {
        assertArrayEquals(CanonicalJson.bytes(tree), CanonicalJson.bytes(Trees.reordered(tree, random)));
    }

    /** Reading the bytes back gives the tree itself, so two different trees can never share bytes (and a signature). */
    @Property(tries = 300)
    void theBytesOfAnyTreeReadBackAsThatTree(@ForAll("configs") ObjectNode tree) throws Exception {
        byte[] bytes = CanonicalJson.bytes(tree);
        JsonNode back = JSON.readTree(bytes);

        assertEquals(tree, back);
        assertArrayEquals(bytes, CanonicalJson.bytes(back));
    }
}
