package org.roundtable.shared.protocol;

/** A message that breaks the live protocol. The code is stable; the message is for a person. */
public class ProtocolViolation extends RuntimeException {

    private final String code;

    public ProtocolViolation(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
