package org.roundtable.conference.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.roundtable.conference.application.ConferenceRecordService;
import org.roundtable.conference.application.ConferenceService;
import org.roundtable.conference.application.InvitationReplyService;
import org.roundtable.conference.application.InvitationService;
import org.roundtable.conference.application.SchedulingService;
import org.roundtable.conference.application.SignOffService;
import org.roundtable.conference.application.StatementService;
import org.roundtable.conference.application.command.AgendaItemCommand;
import org.roundtable.conference.application.command.ArrangementsCommand;
import org.roundtable.conference.application.command.CancelCommand;
import org.roundtable.conference.application.command.ReplyCommand;
import org.roundtable.conference.application.command.CloseCommand;
import org.roundtable.conference.application.command.ConferenceCommand;
import org.roundtable.conference.application.command.ConferenceUpdateCommand;
import org.roundtable.conference.application.command.InviteeCommand;
import org.roundtable.conference.application.command.SignOffCommand;
import org.roundtable.conference.application.command.StatementCommand;
import org.roundtable.conference.application.view.ConferenceRecordView;
import org.roundtable.conference.application.view.ConferenceSummary;
import org.roundtable.conference.application.view.ConferenceView;
import org.roundtable.conference.application.view.SignOffView;
import org.roundtable.conference.application.view.StatementView;
import org.roundtable.conference.interfaces.security.CallerContext;
import org.roundtable.shared.domain.Page;

@Path("/conferences")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConferenceResource {

    @Inject
    private ConferenceService conferences;

    @Inject
    private DownloadNames names;

    @Inject
    private InvitationService invitations;

    @Inject
    private SchedulingService scheduling;

    @Inject
    private InvitationReplyService replies;

    @Inject
    private SignOffService signOff;

    @Inject
    private StatementService statements;

    @Inject
    private ConferenceRecordService records;

    @Inject
    private CallerContext context;

    @Context
    private UriInfo uri;

    /** The signed-in person's conferences. */
    @GET
    public Page<ConferenceSummary> mine(@QueryParam("page") String page, @QueryParam("size") String size) {
        return conferences.mine(context.caller(), Paging.of(page, size));
    }

    /** Schedules a conference with its place, invitees and agenda, all checked together (nothing saved on any error). */
    @POST
    public Response schedule(@Valid @NotNull(message = "Send the conference's details") ConferenceCommand command) {
        var created = scheduling.schedule(context.caller(), command);
        return Created.at(uri, created.id(), created);
    }

    /** Staff the chair may invite to a conference of this family: of the agencies working with it (or of one of them). */
    @GET
    @Path("/candidates")
    public List<SchedulingService.Candidate> candidates(@QueryParam("familyId") UUID familyId, @QueryParam("agencyId") UUID agencyId) {
        if (familyId == null) {
            throw new org.roundtable.conference.application.InvalidInput("familyId", "Say which family the conference is for");
        }
        return scheduling.invitableStaff(context.caller(), familyId, agencyId);
    }

    /** Reschedules (kind, time, where and how); everyone already invited is emailed. */
    @PUT
    @Path("/{conferenceId}/arrangements")
    public ConferenceView rearrange(@PathParam("conferenceId") UUID conferenceId,
            @Valid @NotNull(message = "Send the new arrangements") ArrangementsCommand command) {
        return scheduling.rearrange(context.caller(), conferenceId, command);
    }

    /** Cancels a conference that has not started; everyone already invited is emailed the reason. */
    @POST
    @Path("/{conferenceId}/cancel")
    public ConferenceView cancel(@PathParam("conferenceId") UUID conferenceId,
            @Valid @NotNull(message = "Say why the conference is cancelled") CancelCommand command) {
        return scheduling.cancel(context.caller(), conferenceId, command);
    }

    /** Sends the invitations not yet sent: links to family members and advocates, a notice to staff. */
    @POST
    @Path("/{conferenceId}/invitations")
    public ConferenceView sendInvitations(@PathParam("conferenceId") UUID conferenceId) {
        return scheduling.sendInvitations(context.caller(), conferenceId);
    }

    /** The signed-in invitee answers: coming, not coming, help needed, or views before the meeting. */
    @POST
    @Path("/{conferenceId}/reply")
    public ConferenceView reply(@PathParam("conferenceId") UUID conferenceId,
            @Valid @NotNull(message = "Choose what you want to do") ReplyCommand command) {
        return replies.replyAsInvitee(context.caller(), conferenceId, command);
    }

    /** The meeting as a calendar file (.ics). */
    @GET
    @Path("/{conferenceId}/calendar")
    @Produces({"text/calendar", MediaType.APPLICATION_JSON})
    public Response calendar(@PathParam("conferenceId") UUID conferenceId) {
        String ics = scheduling.calendar(context.caller(), conferenceId);
        return Response.ok(ics, "text/calendar; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"meeting.ics\"").build();
    }

    @GET
    @Path("/{conferenceId}")
    public ConferenceView get(@PathParam("conferenceId") UUID conferenceId) {
        return conferences.get(context.caller(), conferenceId);
    }

    @PUT
    @Path("/{conferenceId}")
    public ConferenceView update(@PathParam("conferenceId") UUID conferenceId,
            @Valid @NotNull(message = "Send the conference's details") ConferenceUpdateCommand command) {
        return conferences.update(context.caller(), conferenceId, command);
    }

    @POST
    @Path("/{conferenceId}/invitees")
    public ConferenceView invite(@PathParam("conferenceId") UUID conferenceId,
            @Valid @NotNull(message = "Say who to invite") InviteeCommand command) {
        return conferences.invite(context.caller(), conferenceId, command);
    }

    @DELETE
    @Path("/{conferenceId}/invitees/{inviteeId}")
    public ConferenceView uninvite(@PathParam("conferenceId") UUID conferenceId, @PathParam("inviteeId") UUID inviteeId) {
        return conferences.uninvite(context.caller(), conferenceId, inviteeId);
    }

    /** Emails a single-use invitation link to a family member or advocate on the list. */
    @POST
    @Path("/{conferenceId}/invitees/{inviteeId}/invitation")
    public Response sendInvitation(@PathParam("conferenceId") UUID conferenceId, @PathParam("inviteeId") UUID inviteeId) {
        invitations.sendInvitation(context.caller(), conferenceId, inviteeId);
        return Response.accepted().build();
    }

    @POST
    @Path("/{conferenceId}/agenda")
    public ConferenceView addAgendaItem(@PathParam("conferenceId") UUID conferenceId,
            @Valid @NotNull(message = "Send the agenda item") AgendaItemCommand command) {
        return conferences.addAgendaItem(context.caller(), conferenceId, command);
    }

    @PUT
    @Path("/{conferenceId}/agenda/{itemId}")
    public ConferenceView editAgendaItem(@PathParam("conferenceId") UUID conferenceId, @PathParam("itemId") UUID itemId,
            @Valid @NotNull(message = "Send the agenda item") AgendaItemCommand command) {
        return conferences.editAgendaItem(context.caller(), conferenceId, itemId, command);
    }

    @DELETE
    @Path("/{conferenceId}/agenda/{itemId}")
    public ConferenceView removeAgendaItem(@PathParam("conferenceId") UUID conferenceId, @PathParam("itemId") UUID itemId) {
        return conferences.removeAgendaItem(context.caller(), conferenceId, itemId);
    }

    /** Each action of the plan with its owner and sign-off in this conference. */
    @GET
    @Path("/{conferenceId}/sign-off")
    public SignOffView signOff(@PathParam("conferenceId") UUID conferenceId) {
        return signOff.view(context.caller(), conferenceId);
    }

    /** The owner signs off an action: the contentHash says which version they read. */
    @POST
    @Path("/{conferenceId}/signatures")
    public SignOffView sign(@PathParam("conferenceId") UUID conferenceId,
            @Valid @NotNull(message = "Say which action you are signing off") SignOffCommand command) {
        return signOff.sign(context.caller(), conferenceId, command);
    }

    @GET
    @Path("/{conferenceId}/statements")
    public List<StatementView> statements(@PathParam("conferenceId") UUID conferenceId) {
        return statements.list(context.caller(), conferenceId);
    }

    /** The family's agreement or disagreement, or a professional's dissent. */
    @POST
    @Path("/{conferenceId}/statements")
    public Response recordStatement(@PathParam("conferenceId") UUID conferenceId,
            @Valid @NotNull(message = "Say whether you agree, disagree or dissent") StatementCommand command) {
        return Response.status(Response.Status.CREATED).entity(statements.record(context.caller(), conferenceId, command)).build();
    }

    /** The member the views speak for (or who wrote them) withdraws them; they stay listed, marked withdrawn. */
    @POST
    @Path("/{conferenceId}/statements/{statementId}/withdrawal")
    public StatementView withdrawStatement(@PathParam("conferenceId") UUID conferenceId, @PathParam("statementId") UUID statementId) {
        return statements.withdraw(context.caller(), conferenceId, statementId);
    }

    /** The chair closes the conference: its record is frozen. */
    @POST
    @Path("/{conferenceId}/close")
    public ConferenceRecordView close(@PathParam("conferenceId") UUID conferenceId, @Valid CloseCommand command) {
        return records.close(context.caller(), conferenceId, command == null ? CloseCommand.nothingRecorded() : command);
    }

    /** The record: frozen once closed, a draft before; private content only for those present. */
    @GET
    @Path("/{conferenceId}/record")
    public ConferenceRecordView record(@PathParam("conferenceId") UUID conferenceId) {
        return records.record(context.caller(), conferenceId);
    }

    @GET
    @Path("/{conferenceId}/minutes")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    public Response minutes(@PathParam("conferenceId") UUID conferenceId) {
        var caller = context.caller();
        byte[] pdf = records.minutes(caller, conferenceId);
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", DownloadNames.attachment(names.minutes(caller, conferenceId))).build();
    }
}
