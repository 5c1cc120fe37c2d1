package org.roundtable.conference.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The load generator's WebSocket client (RFC 6455, text frames only, no extensions): every
 * connection on one selector thread, frames read and written straight from byte buffers. A
 * general client library spent as much CPU as the server it was measuring, on a machine where
 * the two share two cores; this one spends a fraction, so the figures are the server's.
 */
final class LightWebSockets implements AutoCloseable {

    /** A text message arrived, or the connection closed (with its close code). */
    interface Listener {
        void onText(String text);

        void onClose(int code);
    }

    private final Selector selector;
    private final Queue<Connection> joining = new ConcurrentLinkedQueue<>();
    private final Thread loop;
    private volatile boolean running = true;

    LightWebSockets() throws IOException {
        selector = Selector.open();
        loop = new Thread(this::run, "benchmark-websockets");
        loop.setDaemon(true);
        loop.start();
    }

    /** Opens a connection: the handshake is done here (blocking), then the selector thread reads it. */
    Connection connect(URI uri, Map<String, String> headers, Listener listener) throws IOException {
        SocketChannel channel = SocketChannel.open(new InetSocketAddress(uri.getHost(), uri.getPort()));
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        var request = new StringBuilder("GET ").append(uri.getRawPath()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                .append("Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n")
                .append("Sec-WebSocket-Key: ").append(Base64.getEncoder().encodeToString(nonce)).append("\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        writeFully(channel, ByteBuffer.wrap(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII)));
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        int headerEnd;
        while ((headerEnd = headerEnd(in)) < 0) {
            if (channel.read(in) < 0) {
                throw new IOException("the server closed the connection during the handshake");
            }
        }
        String status = new String(in.array(), 0, in.position(), StandardCharsets.US_ASCII).lines().findFirst().orElse("");
        if (!status.contains(" 101 ")) {
            channel.close();
            throw new IOException("handshake refused: " + status);
        }
        // Anything after the response's headers is already the first frame.
        in.flip().position(headerEnd);
        in.compact();
        channel.configureBlocking(false);
        var connection = new Connection(channel, in, listener);
        joining.add(connection);
        selector.wakeup();
        return connection;
    }

    private static int headerEnd(ByteBuffer in) {
        byte[] b = in.array();
        for (int i = 3; i < in.position(); i++) {
            if (b[i - 3] == '\r' && b[i - 2] == '\n' && b[i - 1] == '\r' && b[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    private static void writeFully(SocketChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private void run() {
        while (running) {
            try {
                selector.select();
                Connection c;
                while ((c = joining.poll()) != null) {
                    c.register();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    var connection = (Connection) key.attachment();
                    try {
                        if (key.isValid() && key.isWritable()) {
                            connection.flush();
                        }
                        if (key.isValid() && key.isReadable()) {
                            connection.read();
                        }
                    } catch (IOException e) {
                        connection.closed(1006);
                    }
                }
                selector.selectedKeys().clear();
            } catch (IOException e) {
                if (running) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        selector.wakeup();
        try {
            loop.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        selector.close();
    }

    /** One connection. Sending may happen on any thread; reading happens on the selector's. */
    final class Connection {
        private final SocketChannel channel;
        private ByteBuffer in;
        private final Listener listener;
        private final ByteArrayOutputStream fragments = new ByteArrayOutputStream();
        /** What the socket did not take yet; guarded by this connection. */
        private ByteBuffer pending;
        private SelectionKey key;
        private volatile boolean open = true;

        private Connection(SocketChannel channel, ByteBuffer in, Listener listener) {
            this.channel = channel;
            this.in = in;
            this.listener = listener;
        }

        void sendText(String text) {
            send(0x1, text.getBytes(StandardCharsets.UTF_8));
        }

        /** Sends a close frame (normal closure) and closes. */
        void close() {
            byte[] code = {0x03, (byte) 0xE8};
            send(0x8, code);
            closed(1000);
        }

        /** A client frame: FIN, the opcode, the length and the payload masked with a random key. */
        private synchronized void send(int opcode, byte[] payload) {
            if (!open) {
                return;
            }
            int length = payload.length;
            var frame = ByteBuffer.allocate(length + 14);
            frame.put((byte) (0x80 | opcode));
            if (length < 126) {
                frame.put((byte) (0x80 | length));
            } else if (length < 65536) {
                frame.put((byte) (0x80 | 126)).putShort((short) length);
            } else {
                frame.put((byte) (0x80 | 127)).putLong(length);
            }
            int mask = ThreadLocalRandom.current().nextInt();
            frame.putInt(mask);
            for (int i = 0; i < length; i++) {
                frame.put((byte) (payload[i] ^ (mask >>> (8 * (3 - (i & 3))))));
            }
            frame.flip();
            try {
                if (pending != null) {
                    pending = ByteBuffer.allocate(pending.remaining() + frame.remaining()).put(pending).put(frame).flip();
                    return;
                }
                channel.write(frame);
                if (frame.hasRemaining()) {
                    pending = frame;
                    // Not yet registered: register() asks for writing then.
                    if (key != null) {
                        key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                        selector.wakeup();
                    }
                }
            } catch (IOException e) {
                closed(1006);
            }
        }

        /** On the selector thread: from now on it reads this connection (and writes what the socket did not take). */
        private synchronized void register() throws IOException {
            key = channel.register(selector, pending == null ? SelectionKey.OP_READ : SelectionKey.OP_READ | SelectionKey.OP_WRITE, this);
            readFrames();
        }

        private synchronized void flush() throws IOException {
            if (pending != null) {
                channel.write(pending);
                if (!pending.hasRemaining()) {
                    pending = null;
                    key.interestOps(SelectionKey.OP_READ);
                }
            }
        }

        private void read() throws IOException {
            if (!in.hasRemaining()) {
                in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
            }
            if (channel.read(in) < 0) {
                closed(1006);
                return;
            }
            readFrames();
        }

        /** Takes every whole frame out of the buffer; a partial one waits for more bytes. */
        private void readFrames() {
            in.flip();
            while (in.remaining() >= 2) {
                int start = in.position();
                int b0 = in.get() & 0xFF;
                int b1 = in.get() & 0x7F;
                long length = b1;
                if (b1 == 126) {
                    if (in.remaining() < 2) {
                        in.position(start);
                        break;
                    }
                    length = in.getShort() & 0xFFFF;
                } else if (b1 == 127) {
                    if (in.remaining() < 8) {
                        in.position(start);
                        break;
                    }
                    length = in.getLong();
                }
                if (in.remaining() < length) {
                    in.position(start);
                    break;
                }
                int payloadStart = in.position();
                in.position(payloadStart + (int) length);
                frame(b0 & 0x80, b0 & 0x0F, in.array(), payloadStart, (int) length);
            }
            in.compact();
        }

        private void frame(int fin, int opcode, byte[] bytes, int offset, int length) {
            switch (opcode) {
                case 0x0, 0x1 -> {
                    if (fin != 0 && fragments.size() == 0) {
                        listener.onText(new String(bytes, offset, length, StandardCharsets.UTF_8));
                    } else {
                        fragments.write(bytes, offset, length);
                        if (fin != 0) {
                            listener.onText(fragments.toString(StandardCharsets.UTF_8));
                            fragments.reset();
                        }
                    }
                }
                case 0x8 -> {
                    int code = length >= 2 ? ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF) : 1005;
                    send(0x8, Arrays.copyOfRange(bytes, offset, offset + Math.min(length, 2)));
                    closed(code);
                }
                case 0x9 -> send(0xA, Arrays.copyOfRange(bytes, offset, offset + length));
                default -> {
                    // pong or binary: the protocol sends neither
                }
            }
        }

        private void closed(int code) {
            boolean wasOpen;
            synchronized (this) {
                wasOpen = open;
                open = false;
            }
            if (wasOpen) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // closing anyway
                }
                listener.onClose(code);
            }
        }
    }
}
