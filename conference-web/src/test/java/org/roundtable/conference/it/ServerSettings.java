package org.roundtable.conference.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;

/**
 * Changes a system property of the server under test while it runs, through its management
 * interface, as an operator would with jboss-cli ({@code /system-property=...}). Settings read
 * on every use (the media settings) change at once.
 */
final class ServerSettings {

    private ServerSettings() {
    }

    static void set(String name, String value) {
        remove(name);
        ModelNode op = operation("add", name);
        op.get("value").set(value);
        execute(op);
    }

    static void remove(String name) {
        ModelNode read = operation("read-resource", name);
        if (execute(read, false)) {
            execute(operation("remove", name));
        }
    }

    private static ModelNode operation(String name, String property) {
        ModelNode op = new ModelNode();
        op.get("operation").set(name);
        op.get("address").add("system-property", property);
        return op;
    }

    private static void execute(ModelNode op) {
        if (!execute(op, true)) {
            throw new IllegalStateException("management operation failed: " + op);
        }
    }

    private static boolean execute(ModelNode op, boolean mustSucceed) {
        try (var client = ModelControllerClient.Factory.create("localhost", 9990)) {
            ModelNode result = client.execute(op);
            boolean ok = "success".equals(result.get("outcome").asString());
            if (!ok && mustSucceed) {
                throw new IllegalStateException("management operation failed: " + result);
            }
            return ok;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
