package org.roundtable.conference.interfaces.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

/** 201 Created with the new thing's address and its representation. */
final class Created {

    private Created() {
    }

    static Response at(UriInfo uri, UUID id, Object body) {
        return Response.created(uri.getAbsolutePathBuilder().path(id.toString()).build()).entity(body).build();
    }
}
