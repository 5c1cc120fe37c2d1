package org.roundtable.conference.domain.model.family;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.roundtable.conference.domain.model.DomainRuleViolation;
import org.roundtable.shared.record.DetailField;

/** One member detail as text, read from or written into a member's details, with the checks each field needs. */
public final class DetailValues {

    private DetailValues() {
    }

    public static String get(MemberDetails d, DetailField field) {
        return switch (field) {
            case FULL_NAME -> d.fullName();
            case DATE_OF_BIRTH -> d.dateOfBirth() == null ? null : d.dateOfBirth().toString();
            case PHONE -> d.phone();
            case EMAIL -> d.email();
            case ADDRESS -> d.address();
            case PREFERRED_LANGUAGE -> d.preferredLanguage();
            case ACCESS_NEEDS -> d.accessNeeds();
            case LIVES_IN_HOUSEHOLD -> Boolean.toString(d.livesInHousehold());
            case MESSAGE_TO_WORKERS, HOUSEHOLD -> throw new IllegalArgumentException("not a member detail");
        };
    }

    /** The details with one field set from text; throws DomainRuleViolation when the text does not fit the field. */
    public static MemberDetails with(MemberDetails d, DetailField field, String raw) {
        String v = raw == null || raw.isBlank() ? null : raw.strip();
        return switch (field) {
            case FULL_NAME -> {
                if (v == null) {
                    throw new DomainRuleViolation("A name cannot be empty.");
                }
                yield new MemberDetails(v, d.dateOfBirth(), d.email(), d.phone(), d.address(), d.preferredLanguage(), d.accessNeeds(), d.livesInHousehold());
            }
            case DATE_OF_BIRTH -> new MemberDetails(d.fullName(), date(v), d.email(), d.phone(), d.address(), d.preferredLanguage(),
                    d.accessNeeds(), d.livesInHousehold());
            case PHONE -> new MemberDetails(d.fullName(), d.dateOfBirth(), d.email(), v, d.address(), d.preferredLanguage(), d.accessNeeds(), d.livesInHousehold());
            case EMAIL -> {
                if (v != null && !v.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                    throw new DomainRuleViolation("Enter a real email address, like name@example.org.");
                }
                yield new MemberDetails(d.fullName(), d.dateOfBirth(), v, d.phone(), d.address(), d.preferredLanguage(), d.accessNeeds(), d.livesInHousehold());
            }
            case ADDRESS -> new MemberDetails(d.fullName(), d.dateOfBirth(), d.email(), d.phone(), v, d.preferredLanguage(), d.accessNeeds(), d.livesInHousehold());
            case PREFERRED_LANGUAGE -> new MemberDetails(d.fullName(), d.dateOfBirth(), d.email(), d.phone(), d.address(), v, d.accessNeeds(), d.livesInHousehold());
            case ACCESS_NEEDS -> new MemberDetails(d.fullName(), d.dateOfBirth(), d.email(), d.phone(), d.address(), d.preferredLanguage(), v, d.livesInHousehold());
            case LIVES_IN_HOUSEHOLD -> {
                if (!"true".equals(v) && !"false".equals(v)) {
                    throw new DomainRuleViolation("Say true or false: does the person live at home?");
                }
                yield new MemberDetails(d.fullName(), d.dateOfBirth(), d.email(), d.phone(), d.address(), d.preferredLanguage(), d.accessNeeds(), Boolean.parseBoolean(v));
            }
            case MESSAGE_TO_WORKERS -> throw new DomainRuleViolation("What the family wants workers to know is the family's to write.");
            case HOUSEHOLD -> throw new DomainRuleViolation("Who lives in the household is changed by adding someone or saying they have left.");
        };
    }

    private static LocalDate date(String v) {
        if (v == null) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(v);
            if (day.isAfter(LocalDate.now())) {
                throw new DomainRuleViolation("A date of birth cannot be in the future.");
            }
            return day;
        } catch (DateTimeParseException e) {
            throw new DomainRuleViolation("Write the date as YYYY-MM-DD.");
        }
    }
}
