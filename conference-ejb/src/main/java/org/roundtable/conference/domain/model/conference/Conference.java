package org.roundtable.conference.domain.model.conference;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.roundtable.conference.domain.model.DomainRuleViolation;
import org.roundtable.conference.domain.model.agency.StaffMember;
import org.roundtable.conference.domain.model.family.Family;
import org.roundtable.shared.domain.ConferenceKind;
import org.roundtable.shared.domain.ConferenceStatus;
import org.roundtable.shared.domain.InviteeRole;

/** A case conference about one family, chaired by a member of staff. */
@Entity
public class Conference {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "family_id")
    private Family family;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ConferenceKind kind;

    @Column(name = "scheduled_start", nullable = false)
    private Instant scheduledStart;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "chair_id")
    private StaffMember chair;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ConferenceStatus status;

    /** Where and how: a venue address, and/or a video or phone meeting link and dial-in (free text). */
    private String venue;

    /** When the current start was set: reports are never due before it (null: arranged before this was kept). */
    @Column(name = "start_set_at")
    private Instant startSetAt;

    @Column(name = "join_link")
    private String joinLink;

    @Column(name = "dial_in")
    private String dialIn;

    @Column(name = "cancel_reason")
    private String cancelReason;

    @OneToMany(mappedBy = "conference", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<Invitee> invitees = new ArrayList<>();

    @OneToMany(mappedBy = "conference", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<AgendaItem> agenda = new ArrayList<>();

    @Version
    private long version;

    protected Conference() {
    }

    public Conference(Family family, ConferenceKind kind, Instant scheduledStart, StaffMember chair) {
        this.id = UUID.randomUUID();
        this.family = Objects.requireNonNull(family);
        this.status = ConferenceStatus.SCHEDULED;
        reschedule(kind, scheduledStart, chair);
        invitees.add(Invitee.chair(this, chair));
    }

    public void reschedule(ConferenceKind kind, Instant scheduledStart, StaffMember chair) {
        requireNotClosed();
        requireNotCancelled();
        this.kind = Objects.requireNonNull(kind);
        this.scheduledStart = Objects.requireNonNull(scheduledStart);
        if (this.chair != null && !this.chair.id().equals(chair.id())) {
            invitees.removeIf(i -> i.isStaffMember(this.chair.id()) && i.role() == InviteeRole.CHAIR);
            invitees.add(Invitee.chair(this, chair));
        }
        this.chair = Objects.requireNonNull(chair);
    }

    /** Where and how people meet; blank parts are left out. */
    public void arrange(String venue, String joinLink, String dialIn) {
        requireNotClosed();
        requireNotCancelled();
        this.venue = blankToNull(venue);
        this.joinLink = blankToNull(joinLink);
        this.dialIn = blankToNull(dialIn);
    }

    /** A conference that has not started is called off; everyone invited is told why. */
    public void cancel(String reason) {
        if (!status.canMoveTo(ConferenceStatus.CANCELLED)) {
            throw new DomainRuleViolation(status == ConferenceStatus.CANCELLED ? "This conference is already cancelled."
                    : "Only a conference that has not started can be cancelled.");
        }
        this.status = ConferenceStatus.CANCELLED;
        this.cancelReason = Objects.requireNonNull(reason);
    }

    public void requireNotCancelled() {
        if (status == ConferenceStatus.CANCELLED) {
            throw new DomainRuleViolation("This conference has been cancelled.");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public void moveTo(ConferenceStatus next) {
        if (!status.canMoveTo(next)) {
            throw new DomainRuleViolation("A " + status.name().toLowerCase() + " conference cannot become "
                    + next.name().toLowerCase() + ".");
        }
        this.status = next;
    }

    public Invitee invite(Invitee invitee) {
        requireNotClosed();
        if (invitees.stream().anyMatch(i -> i.samePersonAs(invitee))) {
            throw new DomainRuleViolation("That person is already invited.");
        }
        invitees.add(invitee);
        return invitee;
    }

    public void uninvite(UUID inviteeId) {
        requireNotClosed();
        Invitee invitee = invitee(inviteeId).orElseThrow(() -> new DomainRuleViolation("No such invitee."));
        if (invitee.role() == InviteeRole.CHAIR) {
            throw new DomainRuleViolation("The chair cannot be removed; choose another chair instead.");
        }
        invitees.remove(invitee);
    }

    public AgendaItem addAgendaItem(String title, String notes) {
        requireNotClosed();
        var item = new AgendaItem(this, agenda.size(), title, notes);
        agenda.add(item);
        return item;
    }

    public void removeAgendaItem(UUID itemId) {
        requireNotClosed();
        AgendaItem item = agendaItem(itemId).orElseThrow(() -> new DomainRuleViolation("No such agenda item."));
        agenda.remove(item);
        for (int i = 0; i < agenda.size(); i++) {
            agenda.get(i).moveTo(i);
        }
    }

    public void requireNotClosed() {
        if (status == ConferenceStatus.CLOSED) {
            throw new DomainRuleViolation("This conference is closed; its record can no longer be changed.");
        }
    }

    public Optional<Invitee> invitee(UUID inviteeId) {
        return invitees.stream().filter(i -> i.id().equals(inviteeId)).findFirst();
    }

    public Optional<AgendaItem> agendaItem(UUID itemId) {
        return agenda.stream().filter(i -> i.id().equals(itemId)).findFirst();
    }

    public boolean isChairedBy(UUID staffId) {
        return chair.id().equals(staffId);
    }

    public UUID id() {
        return id;
    }

    public Family family() {
        return family;
    }

    public ConferenceKind kind() {
        return kind;
    }

    public Instant scheduledStart() {
        return scheduledStart;
    }

    /** Notes when the start was set (scheduling, or a new start), so reports are never due before it. */
    public void noteStartSetAt(Instant now) {
        this.startSetAt = Objects.requireNonNull(now);
    }

    public Instant startSetAt() {
        return startSetAt;
    }

    public StaffMember chair() {
        return chair;
    }

    public ConferenceStatus status() {
        return status;
    }

    public List<Invitee> invitees() {
        return Collections.unmodifiableList(invitees);
    }

    public String venue() {
        return venue;
    }

    public String joinLink() {
        return joinLink;
    }

    public String dialIn() {
        return dialIn;
    }

    public String cancelReason() {
        return cancelReason;
    }

    /** Grows with every change, so a calendar replaces its copy (RFC 5545 SEQUENCE). */
    public long version() {
        return version;
    }

    public List<AgendaItem> agenda() {
        return Collections.unmodifiableList(agenda);
    }
}
