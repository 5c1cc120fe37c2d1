package org.roundtable.conference.application.view;

import java.util.UUID;
import org.roundtable.conference.domain.model.agency.AdvocacyOrganisation;

public record AdvocacyOrganisationView(UUID id, String name, String contactPhone, String contactEmail) {

    public static AdvocacyOrganisationView of(AdvocacyOrganisation o) {
        return new AdvocacyOrganisationView(o.id(), o.name(), o.contactPhone(), o.contactEmail());
    }
}
