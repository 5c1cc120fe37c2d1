package org.roundtable.conference.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.roundtable.shared.plan.FractionalIndex;
import org.roundtable.shared.plan.PlanJson;
import org.roundtable.shared.plan.TextDiff;
import org.roundtable.shared.plan.TextOperation;

/**
 * The browser's live client (js/live) and the server (shared-model) must compute exactly the
 * same merges, or two screens would disagree. Thousands of random cases are run through both
 * (the JavaScript with Node.js) and compared step by step.
 */
class BrowserPlanCodeParityTest {

    private static final int CASES = 3000;

    @Test
    void the_browser_merges_edits_diffs_texts_and_orders_items_exactly_as_the_server_does() throws Exception {
        if (!new File("/usr/bin/node").canExecute()) {
            fail("This test runs the browser's code with Node.js: apt-get install nodejs");
        }
        var random = new Random(20261126);
        var transforms = Json.createArrayBuilder();
        var diffs = Json.createArrayBuilder();
        var positions = Json.createArrayBuilder();
        List<TextOperation[]> expectedTransforms = new ArrayList<>();
        List<TextOperation> expectedDiffs = new ArrayList<>();
        List<String> expectedPositions = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            String text = randomText(random, 12);
            TextOperation a = randomEdit(text, random, "a");
            TextOperation b = randomEdit(text, random, "b");
            transforms.add(Json.createObjectBuilder().add("a", PlanJson.toJson(a)).add("b", PlanJson.toJson(b)));
            expectedTransforms.add(TextOperation.transform(a, b));
            String after = randomText(random, 12);
            diffs.add(Json.createObjectBuilder().add("before", text).add("after", after));
            expectedDiffs.add(TextDiff.between(text, after));
            String low = random.nextBoolean() ? null : FractionalIndex.between(null, null) + randomKeyTail(random);
            String high = low == null || random.nextBoolean() ? null : FractionalIndex.between(low, null);
            var position = Json.createObjectBuilder();
            if (low == null) {
                position.addNull("before");
            } else {
                position.add("before", low);
            }
            if (high == null) {
                position.addNull("after");
            } else {
                position.add("after", high);
            }
            positions.add(position);
            expectedPositions.add(FractionalIndex.between(low, high));
        }
        JsonObject result = runNode(Json.createObjectBuilder().add("transforms", transforms).add("diffs", diffs)
                .add("positions", positions).build().toString());
        for (int i = 0; i < CASES; i++) {
            JsonArray pair = result.getJsonArray("transforms").getJsonArray(i);
            assertEquals(expectedTransforms.get(i)[0], PlanJson.textOperation(pair.get(0)), "transform case " + i);
            assertEquals(expectedTransforms.get(i)[1], PlanJson.textOperation(pair.get(1)), "transform case " + i);
            assertEquals(expectedDiffs.get(i), PlanJson.textOperation(result.getJsonArray("diffs").get(i)), "diff case " + i);
            assertEquals(expectedPositions.get(i), result.getJsonArray("positions").getString(i), "position case " + i);
        }
    }

    private static JsonObject runNode(String input) throws Exception {
        Process node = new ProcessBuilder("/usr/bin/node", "src/test/js/parity.mjs").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        node.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        node.getOutputStream().close();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, node.waitFor(), "node failed");
        try (var reader = Json.createReader(new StringReader(output))) {
            return reader.readObject();
        }
    }

    private static String randomText(Random random, int max) {
        var sb = new StringBuilder();
        int n = random.nextInt(max + 1);
        String[] pieces = {"a", "b", "c", "é", "漢", " ", "\n", "😀", "👍🏽"};
        for (int i = 0; i < n; i++) {
            sb.append(pieces[random.nextInt(pieces.length)]);
        }
        return sb.toString();
    }

    private static String randomKeyTail(Random random) {
        return random.nextBoolean() ? "" : "k" + "abcXYZ9".charAt(random.nextInt(7));
    }

    private static TextOperation randomEdit(String text, Random random, String mark) {
        var b = TextOperation.builder();
        int i = 0;
        while (i < text.length()) {
            int n = Math.min(text.length() - i, 1 + random.nextInt(3));
            switch (random.nextInt(3)) {
                case 0 -> b.insert(mark + random.nextInt(10));
                case 1 -> {
                    b.delete(n);
                    i += n;
                }
                default -> {
                    b.retain(n);
                    i += n;
                }
            }
        }
        if (random.nextBoolean()) {
            b.insert(mark);
        }
        return b.build();
    }
}
