package org.roundtable.conference.domain.model;

/**
 * A request that the domain refuses because it breaks one of its rules (closing a conference
 * twice, an involvement that ends before it starts). The message is written for the person who
 * made the request.
 */
public class DomainRuleViolation extends RuntimeException {

    public DomainRuleViolation(String message) {
        super(message);
    }
}
