package org.roundtable.conference.application;

import java.util.List;
import java.util.UUID;
import org.roundtable.conference.infrastructure.persistence.VoidedSignature;

/** A change voided these signatures; their signers are told and asked to sign again. */
public record SignaturesVoided(UUID familyId, List<VoidedSignature> signatures, String changedBy) {
}
