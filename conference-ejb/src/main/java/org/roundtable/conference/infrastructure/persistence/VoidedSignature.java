package org.roundtable.conference.infrastructure.persistence;

import java.util.UUID;
import org.roundtable.shared.domain.CallerKind;

/** A signature voided by a change to what was signed, so that its signer can be told. */
public record VoidedSignature(UUID signatureId, UUID actionId, UUID conferenceId, CallerKind signerKind, UUID signerId,
        String signerName) {
}
