package org.roundtable.conference.application.view;

import java.util.UUID;
import org.roundtable.conference.domain.model.agency.Agency;
import org.roundtable.shared.domain.AgencyKind;

public record AgencyView(UUID id, String name, AgencyKind kind, String contactPhone, String contactEmail) {

    public static AgencyView of(Agency agency) {
        return new AgencyView(agency.id(), agency.name(), agency.kind(), agency.contactPhone(), agency.contactEmail());
    }
}
