package org.roundtable.conference.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.roundtable.conference.application.AuditService;
import org.roundtable.conference.application.ClusterService;
import org.roundtable.conference.application.ReminderService;
import org.roundtable.conference.application.command.ReminderSettingsCommand;
import org.roundtable.conference.infrastructure.audit.AuditChainVerifier;
import org.roundtable.conference.interfaces.security.CallerContext;

/** What administrators run: the audit check, reminder settings, today's reminders on demand, and the cluster's state. */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminResource {

    @Inject
    private AuditService audit;

    @Inject
    private ReminderService reminders;

    @Inject
    private ClusterService cluster;

    @Inject
    private CallerContext context;

    /** Walks the hash chains; reports the first broken link, if any. */
    @GET
    @Path("/audit/verification")
    public AuditChainVerifier.Verification verifyAudit() {
        return audit.verify(context.caller());
    }

    @GET
    @Path("/settings/reminders")
    public ReminderService.ReminderSettings reminderSettings() {
        return reminders.settings(context.caller());
    }

    @PUT
    @Path("/settings/reminders")
    public ReminderService.ReminderSettings changeReminderSettings(
            @Valid @NotNull(message = "Send daysAhead") ReminderSettingsCommand command) {
        return reminders.changeSettings(context.caller(), command);
    }

    /** The node that answered, the cluster's members, and (given a family) which node keeps its plan now. */
    @GET
    @Path("/cluster")
    public ClusterService.ClusterView cluster(@QueryParam("familyId") UUID familyId) {
        return cluster.view(context.caller(), familyId);
    }

    /** Sends today's reminders now, unless they have gone already today (from any node). */
    @POST
    @Path("/reminders/run")
    public ReminderService.RunResult runReminders() {
        return reminders.runToday(context.caller());
    }
}
