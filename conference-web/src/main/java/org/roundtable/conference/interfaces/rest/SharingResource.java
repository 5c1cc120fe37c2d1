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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import jakarta.ws.rs.QueryParam;
import org.roundtable.conference.application.AskingFirst;
import org.roundtable.conference.application.SharingConsequences;
import org.roundtable.conference.application.SharingService;
import org.roundtable.conference.application.command.AnswerCommand;
import org.roundtable.conference.application.command.AskCommand;
import org.roundtable.conference.application.command.RenewalCommand;
import org.roundtable.conference.application.command.OverrideCommand;
import org.roundtable.conference.application.command.PreferenceCommand;
import org.roundtable.conference.application.command.RestrictionCommand;
import org.roundtable.conference.application.view.SharingView;
import org.roundtable.conference.interfaces.security.CallerContext;
import org.roundtable.shared.record.InformationKind;
import org.roundtable.shared.record.SharingPreference;

/** The family's sharing preferences, workers' requests and the family's answers, professionals' overrides and the ledger. */
@Path("/families/{familyId}/sharing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SharingResource {

    @Inject
    private SharingService sharing;

    @Inject
    private AskingFirst asking;

    @Inject
    private SharingConsequences consequences;

    @Inject
    private CallerContext context;

    @GET
    public SharingView view(@PathParam("familyId") UUID familyId) {
        return sharing.view(context.caller(), familyId);
    }

    @PUT
    @Path("/preferences")
    public SharingView setPreference(@PathParam("familyId") UUID familyId,
            @Valid @NotNull(message = "Send the preference") PreferenceCommand command) {
        return sharing.setPreference(context.caller(), familyId, command);
    }

    @POST
    @Path("/overrides")
    public Response override(@PathParam("familyId") UUID familyId,
            @Valid @NotNull(message = "Send the lawful basis and your reason") OverrideCommand command) {
        return Response.status(Response.Status.CREATED).entity(sharing.override(context.caller(), familyId, command)).build();
    }

    @POST
    @Path("/decisions/{decisionId}/renewal")
    public Response renew(@PathParam("familyId") UUID familyId, @PathParam("decisionId") UUID decisionId,
            @Valid @NotNull(message = "Send the lawful basis, a new reason and a new review date") RenewalCommand command) {
        return Response.status(Response.Status.CREATED).entity(sharing.renew(context.caller(), familyId, decisionId, command)).build();
    }

    /** A worker asks the family to share one kind with their agency. */
    @POST
    @Path("/requests")
    public Response ask(@PathParam("familyId") UUID familyId,
            @Valid @NotNull(message = "Say what you are asking for, why and for how long") AskCommand command) {
        return Response.status(Response.Status.CREATED).entity(asking.ask(context.caller(), familyId, command)).build();
    }

    /** The family answers a request: yes or no. */
    @POST
    @Path("/requests/{requestId}/answer")
    public SharingView answer(@PathParam("familyId") UUID familyId, @PathParam("requestId") UUID requestId,
            @Valid @NotNull(message = "Choose yes or no") AnswerCommand command) {
        return asking.answer(context.caller(), familyId, requestId, command);
    }

    /** What a choice would change, in plain words, before the family saves it. */
    @GET
    @Path("/preview")
    public SharingConsequences.Preview preview(@PathParam("familyId") UUID familyId, @QueryParam("agencyId") UUID agencyId,
            @QueryParam("kind") InformationKind kind, @QueryParam("preference") SharingPreference preference) {
        return consequences.preview(context.caller(), familyId, agencyId, kind, preference);
    }

    @PUT
    @Path("/decisions/{decisionId}/restriction")
    public SharingView restrict(@PathParam("familyId") UUID familyId, @PathParam("decisionId") UUID decisionId,
            @Valid @NotNull(message = "Send the reason and the review date") RestrictionCommand command) {
        return sharing.restrict(context.caller(), familyId, decisionId, command);
    }
}
