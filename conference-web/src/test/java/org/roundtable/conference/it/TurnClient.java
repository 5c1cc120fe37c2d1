package org.roundtable.conference.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Just enough of STUN (RFC 5389) and TURN (RFC 5766) to ask a TURN server for a relay address
 * with a username and password, as a browser does: an Allocate, the server's 401 with its realm
 * and nonce, the Allocate again with the long-term credential (MESSAGE-INTEGRITY keyed by
 * MD5(username:realm:password)). The answer says whether the credential was accepted.
 */
final class TurnClient {

    private static final int MAGIC = 0x2112A442;
    private static final int BINDING = 0x0001;
    private static final int ALLOCATE = 0x0003;
    private static final int ALLOCATE_SUCCESS = 0x0103;
    private static final int ERROR_CODE = 0x0009;
    private static final int USERNAME = 0x0006;
    private static final int MESSAGE_INTEGRITY = 0x0008;
    private static final int REALM = 0x0014;
    private static final int NONCE = 0x0015;
    private static final int REQUESTED_TRANSPORT = 0x0019;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the server said to an authenticated Allocate: granted, or the error code (401: not accepted). */
    record Outcome(boolean allocated, int errorCode) {
    }

    private TurnClient() {
    }

    static boolean answersBinding(String host, int port) {
        try (var socket = new DatagramSocket()) {
            socket.setSoTimeout(300);
            return exchange(socket, host, port, message(BINDING, new byte[0])) != null;
        } catch (IOException e) {
            return false;
        }
    }

    static Outcome allocate(String host, int port, String username, String password) throws IOException {
        try (var socket = new DatagramSocket()) {
            socket.setSoTimeout(2000);
            byte[] transport = attribute(REQUESTED_TRANSPORT, new byte[] {17, 0, 0, 0});
            Map<Integer, byte[]> challenge = exchange(socket, host, port, message(ALLOCATE, transport));
            if (challenge == null || !challenge.containsKey(REALM) || !challenge.containsKey(NONCE)) {
                throw new IOException("the TURN server did not ask for credentials: " + challenge);
            }
            String realm = new String(challenge.get(REALM), StandardCharsets.UTF_8);
            var attributes = new ByteArrayOutputStream();
            attributes.writeBytes(attribute(USERNAME, username.getBytes(StandardCharsets.UTF_8)));
            attributes.writeBytes(attribute(REALM, challenge.get(REALM)));
            attributes.writeBytes(attribute(NONCE, challenge.get(NONCE)));
            attributes.writeBytes(transport);
            byte[] unsigned = message(ALLOCATE, attributes.toByteArray());
            byte[] key = md5(username + ":" + realm + ":" + password);
            Map<Integer, byte[]> answer = exchange(socket, host, port, withIntegrity(unsigned, key));
            if (answer == null) {
                throw new IOException("no answer to the authenticated Allocate");
            }
            if (answer.containsKey(-ALLOCATE_SUCCESS)) {
                return new Outcome(true, 0);
            }
            byte[] error = answer.get(ERROR_CODE);
            return new Outcome(false, error == null ? -1 : (error[2] & 0x7) * 100 + (error[3] & 0xff));
        }
    }

    /** The message with MESSAGE-INTEGRITY appended: HMAC-SHA1 over it, its length already counting the attribute. */
    private static byte[] withIntegrity(byte[] unsigned, byte[] key) {
        byte[] counted = unsigned.clone();
        ByteBuffer.wrap(counted).putShort(2, (short) (unsigned.length - 20 + 24));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hmac = mac.doFinal(counted);
            var out = new ByteArrayOutputStream();
            out.writeBytes(counted);
            out.writeBytes(attribute(MESSAGE_INTEGRITY, hmac));
            return out.toByteArray();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] message(int type, byte[] attributes) {
        var buffer = ByteBuffer.allocate(20 + attributes.length);
        buffer.putShort((short) type).putShort((short) attributes.length).putInt(MAGIC);
        byte[] transaction = new byte[12];
        RANDOM.nextBytes(transaction);
        return buffer.put(transaction).put(attributes).array();
    }

    private static byte[] attribute(int type, byte[] value) {
        int padded = (value.length + 3) / 4 * 4;
        return ByteBuffer.allocate(4 + padded).putShort((short) type).putShort((short) value.length).put(value).array();
    }

    /** Sends and reads the answer's attributes (its message type under the key -type); null when nothing came. */
    private static Map<Integer, byte[]> exchange(DatagramSocket socket, String host, int port, byte[] request) throws IOException {
        socket.send(new DatagramPacket(request, request.length, InetAddress.getByName(host), port));
        byte[] in = new byte[2048];
        var packet = new DatagramPacket(in, in.length);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return null;
        }
        var buffer = ByteBuffer.wrap(in, 0, packet.getLength());
        var attributes = new HashMap<Integer, byte[]>();
        attributes.put(-(buffer.getShort() & 0xffff), new byte[0]);
        int length = buffer.getShort() & 0xffff;
        buffer.position(20);
        while (buffer.position() < 20 + length) {
            int type = buffer.getShort() & 0xffff;
            int size = buffer.getShort() & 0xffff;
            byte[] value = new byte[size];
            buffer.get(value);
            buffer.position(buffer.position() + (4 - size % 4) % 4);
            attributes.put(type, value);
        }
        return attributes;
    }

    private static byte[] md5(String text) {
        try {
            return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
