package org.roundtable.conference.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

/**
 * The server's heap as the JVM reports it, read through WildFly's management API (the same local
 * access Arquillian deploys with). What matters is the old generation: a large buffer goes
 * straight there, and its peak since a reset shows one that was held even briefly.
 */
final class ServerHeap implements AutoCloseable {

    private final ModelControllerClient client;
    private final ModelNode pool;

    ServerHeap() {
        try {
            client = ModelControllerClient.Factory.create("remote+http", "localhost", 9990);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        ModelNode pools = execute(readChildren());
        String oldGeneration = pools.asList().stream().map(ModelNode::asString)
                .filter(name -> name.contains("Old") || name.contains("Tenured")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no old generation among " + pools));
        pool = Operations.createAddress("core-service", "platform-mbean", "type", "memory-pool", "name", oldGeneration);
    }

    private ModelNode readChildren() {
        ModelNode op = Operations.createOperation("read-children-names",
                Operations.createAddress("core-service", "platform-mbean", "type", "memory-pool"));
        op.get("child-type").set("name");
        return op;
    }

    /** Bytes used in the old generation after a full collection; its peak is reset to that. */
    long oldGenerationAfterGc() {
        execute(Operations.createOperation("gc", Operations.createAddress("core-service", "platform-mbean", "type", "memory")));
        execute(Operations.createOperation("reset-peak-usage", pool));
        return execute(Operations.createReadAttributeOperation(pool, "usage")).get("used").asLong();
    }

    /** The most the old generation held since the last {@link #oldGenerationAfterGc()}. */
    long oldGenerationPeak() {
        return execute(Operations.createReadAttributeOperation(pool, "peak-usage")).get("used").asLong();
    }

    private ModelNode execute(ModelNode op) {
        try {
            ModelNode outcome = client.execute(op);
            if (!Operations.isSuccessfulOutcome(outcome)) {
                throw new IllegalStateException(op + ": " + Operations.getFailureDescription(outcome));
            }
            return Operations.readResult(outcome);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
