package org.roundtable.conference.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.roundtable.conference.application.ConferenceService;
import org.roundtable.conference.application.FamilyDetailsService;
import org.roundtable.conference.application.FamilyService;
import org.roundtable.conference.application.FollowUpService;
import org.roundtable.conference.application.HouseholdChanges;
import org.roundtable.conference.application.command.FamilyCommand;
import org.roundtable.conference.application.command.MemberCommand;
import org.roundtable.conference.application.view.ConferenceSummary;
import org.roundtable.conference.application.view.DashboardView.ConferenceDueView;
import org.roundtable.conference.application.view.FamilySummary;
import org.roundtable.conference.application.view.FamilyView;
import org.roundtable.conference.application.view.MemberView;
import org.roundtable.conference.interfaces.security.CallerContext;
import org.roundtable.shared.domain.Page;

@Path("/families")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FamilyResource {

    @Inject
    private FamilyService families;

    @Inject
    private ConferenceService conferences;

    @Inject
    private FollowUpService followUp;

    @Inject
    private FamilyDetailsService details;

    @Inject
    private HouseholdChanges household;

    @Inject
    private CallerContext context;

    @Context
    private UriInfo uri;

    @GET
    public Page<FamilySummary> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return families.list(context.caller(), Paging.of(page, size));
    }

    @POST
    public Response create(@Valid @NotNull(message = "Send the family's name") FamilyCommand command) {
        var created = families.create(context.caller(), command);
        return Created.at(uri, created.id(), created);
    }

    @GET
    @Path("/{familyId}")
    public FamilyView get(@PathParam("familyId") UUID familyId) {
        return families.get(context.caller(), familyId);
    }

    @PUT
    @Path("/{familyId}")
    public FamilySummary update(@PathParam("familyId") UUID familyId,
            @Valid @NotNull(message = "Send the family's name") FamilyCommand command) {
        return families.update(context.caller(), familyId, command);
    }

    @GET
    @Path("/{familyId}/members")
    public List<MemberView> members(@PathParam("familyId") UUID familyId) {
        return families.listMembers(context.caller(), familyId);
    }

    @POST
    @Path("/{familyId}/members")
    public Response addMember(@PathParam("familyId") UUID familyId,
            @Valid @NotNull(message = "Send the person's details") MemberCommand command) {
        var created = families.addMember(context.caller(), familyId, command);
        return Created.at(uri, created.id(), created);
    }

    @PUT
    @Path("/{familyId}/members/{memberId}")
    public MemberView updateMember(@PathParam("familyId") UUID familyId, @PathParam("memberId") UUID memberId,
            @Valid @NotNull(message = "Send the person's details") MemberCommand command) {
        return details.updateMember(context.caller(), familyId, memberId, command);
    }

    /** Someone has left the household, from today: they keep their history and stop signing in. */
    @POST
    @Path("/{familyId}/members/{memberId}/end")
    public MemberView endMember(@PathParam("familyId") UUID familyId, @PathParam("memberId") UUID memberId) {
        return household.end(context.caller(), familyId, memberId);
    }

    @GET
    @Path("/{familyId}/conferences")
    public List<ConferenceSummary> conferences(@PathParam("familyId") UUID familyId) {
        return conferences.ofFamily(context.caller(), familyId);
    }

    /** The conferences the statutory timescales require for this family, and how each stands. */
    @GET
    @Path("/{familyId}/timescales")
    public List<ConferenceDueView> timescales(@PathParam("familyId") UUID familyId) {
        return followUp.timescales(context.caller(), familyId);
    }
}
