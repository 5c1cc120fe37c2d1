package org.roundtable.conference.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.UUID;
import org.roundtable.conference.application.AccessLogService;
import org.roundtable.conference.interfaces.security.CallerContext;

/**
 * Writes "who looked at my record": every successful answer that carries anything under a
 * family or a conference to staff is logged, whatever the method (a change whose answer is the
 * whole plan is a read too), with the purpose they give (?purpose= or the X-Purpose header).
 * One filter for every endpoint, so that a new endpoint cannot forget to log.
 */
@Provider
public class RecordReadLogger implements ContainerResponseFilter {

    /** What the family reads in its log, by the endpoint's address. */
    private static final Map<String, String> WHAT = Map.ofEntries(
            Map.entry("/families/{familyId}", "your family's details"),
            Map.entry("/families/{familyId}/members", "your family's details"),
            Map.entry("/families/{familyId}/involvements", "who works with your family"),
            Map.entry("/families/{familyId}/advocates", "your advocate"),
            Map.entry("/families/{familyId}/conferences", "your conferences"),
            Map.entry("/families/{familyId}/contacts", "contacts with agencies"),
            Map.entry("/families/{familyId}/contact-map", "the contact map"),
            Map.entry("/families/{familyId}/contact-map/chart.svg", "the contact map"),
            Map.entry("/families/{familyId}/plan", "your plan"),
            Map.entry("/families/{familyId}/plan/actions/{actionId}/progress", "progress on your plan"),
            Map.entry("/families/{familyId}/timescales", "your conference dates"),
            Map.entry("/families/{familyId}/details/history", "changes to your details"),
            Map.entry("/families/{familyId}/details/proposals", "corrections to your details"),
            Map.entry("/families/{familyId}/sharing", "your sharing choices"),
            Map.entry("/families/{familyId}/staff-contacts", "whom your family can contact"),
            Map.entry("/conferences/{conferenceId}", "a conference"),
            Map.entry("/conferences/{conferenceId}/sign-off", "the plan's sign-off"),
            Map.entry("/conferences/{conferenceId}/statements", "what people said at a conference"),
            Map.entry("/conferences/{conferenceId}/record", "a conference record"),
            Map.entry("/conferences/{conferenceId}/minutes", "conference minutes"),
            Map.entry("/conferences/{conferenceId}/reports", "the list of reports"),
            Map.entry("/conferences/{conferenceId}/reports/{reportId}", "a report"));

    @Inject
    private AccessLogService accessLog;

    @Inject
    private CallerContext context;

    @Context
    private ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() / 100 != 2 || !response.hasEntity() || resource.getResourceMethod() == null) {
            return;
        }
        var caller = context.caller();
        if (caller == null || !caller.isStaff()) {
            return;
        }
        var params = request.getUriInfo().getPathParameters();
        UUID familyId = uuid(params.getFirst("familyId"));
        if (familyId == null) {
            UUID conferenceId = uuid(params.getFirst("conferenceId"));
            familyId = conferenceId == null ? null : accessLog.familyOfConference(conferenceId);
        }
        if (familyId == null) {
            return;
        }
        String template = template();
        String purpose = request.getUriInfo().getQueryParameters().getFirst("purpose");
        if (purpose == null) {
            purpose = request.getHeaderString("X-Purpose");
        }
        accessLog.recordRead(caller, familyId, what(template), purpose);
    }

    /** The family's words for an address, or for the nearest address above it (a goal's answer is "your plan"). */
    static String what(String template) {
        for (String path = template; !path.isEmpty(); path = path.substring(0, path.lastIndexOf('/'))) {
            String words = WHAT.get(path);
            if (words != null) {
                return words;
            }
        }
        return template;
    }

    private String template() {
        Path type = resource.getResourceClass().getAnnotation(Path.class);
        Path method = resource.getResourceMethod().getAnnotation(Path.class);
        String path = (type == null ? "" : type.value()) + (method == null ? "" : "/" + method.value());
        return path.replaceAll("/+", "/").replaceAll("/$", "");
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
