package org.roundtable.conference.application;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.roundtable.conference.domain.model.conference.Conference;
import org.roundtable.conference.domain.model.conference.Invitee;
import org.roundtable.conference.infrastructure.mail.MailSender;
import org.roundtable.shared.calendar.CalendarEvent;
import org.roundtable.shared.domain.ConferenceKind;
import org.roundtable.shared.domain.InviteeRole;

/**
 * The words every message about a meeting shares, in plain English: when, where and how to
 * join, who will be there (by role), what the meeting is for, and whom to contact; plus the
 * calendar file (.ics) that goes with it.
 */
public final class MeetingLetter {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' h:mma", Locale.UK);
    /** Conferences are booked for a start time only; calendars get a two-hour slot. */
    static final Duration LENGTH = Duration.ofHours(2);

    private MeetingLetter() {
    }

    public static String when(Conference c) {
        return WHEN.format(c.scheduledStart().atZone(ClockProducer.LOCAL_ZONE)).replace("AM", "am").replace("PM", "pm");
    }

    /** What the meeting is for, as a family would say it. */
    public static String purpose(ConferenceKind kind) {
        return switch (kind) {
            case INITIAL_CHILD_PROTECTION -> "to talk about how to keep the children safe and well, and to agree a plan together";
            case REVIEW_CHILD_PROTECTION -> "to look at how the plan is going and decide together what happens next";
            case CORE_GROUP -> "a smaller meeting to check how the plan is going, with your workers";
            case TEAM_AROUND_THE_FAMILY -> "to agree together what help your family would like and who will give it";
            case OTHER -> "to talk together about your family's plan";
        };
    }

    /** "Core group" is a term of art: a line that says what one is, next to its first mention; nothing for the others. */
    public static String explained(ConferenceKind kind) {
        return kind == ConferenceKind.CORE_GROUP ? "A core group meeting is a smaller meeting to check how the plan is going.\n" : "";
    }

    public static String title(ConferenceKind kind) {
        String words = kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1) + " conference";
    }

    /** Where and how, one line each; "to be confirmed" when nothing is set yet. */
    public static List<String> whereAndHow(Conference c) {
        var lines = new ArrayList<String>();
        if (c.venue() != null) {
            lines.add("In person: " + c.venue());
        }
        if (c.joinLink() != null) {
            lines.add("Online: " + c.joinLink());
        }
        if (c.dialIn() != null) {
            lines.add("By phone: " + c.dialIn());
        }
        if (lines.isEmpty()) {
            lines.add("The chair will tell you where the meeting is.");
        }
        lines.add("You can also join from your phone or computer in Roundtable.");
        return lines;
    }

    /** Who will be there, by role: "Chair: Priya Shah (Riverside Children's Services)". */
    public static List<String> whoWillBeThere(Conference c) {
        var lines = new ArrayList<String>();
        for (InviteeRole role : InviteeRole.values()) {
            var names = c.invitees().stream().filter(i -> i.role() == role).map(MeetingLetter::nameWithAgency).toList();
            if (!names.isEmpty()) {
                lines.add(roleName(role, names.size()) + ": " + String.join(", ", names));
            }
        }
        return lines;
    }

    /** The chair: name, agency, phone (their own, else their agency's) where known, and email. */
    public static String contact(Conference c) {
        var chair = c.chair();
        String phone = phoneOf(chair);
        return chair.fullName() + ", " + chair.agency().name() + (phone == null ? "" : ", " + phone) + ", " + chair.email();
    }

    /** A person's own phone, else their agency's; null when neither is known. */
    static String phoneOf(org.roundtable.conference.domain.model.agency.StaffMember staff) {
        return staff.phone() != null ? staff.phone() : staff.agency().contactPhone();
    }

    /** The shared middle of every message: when, where, who, why and whom to ask. */
    public static String details(Conference c) {
        var text = new StringBuilder();
        text.append("What: ").append(title(c.kind())).append(" about the ").append(c.family().name()).append('\n');
        text.append(explained(c.kind()));
        text.append("When: ").append(when(c)).append('\n');
        text.append("Where and how:\n");
        whereAndHow(c).forEach(l -> text.append("  ").append(l).append('\n'));
        text.append("\nWhat it is for: ").append(purpose(c.kind())).append(".\n\n");
        text.append("Who will be there:\n");
        whoWillBeThere(c).forEach(l -> text.append("  ").append(l).append('\n'));
        text.append("\nQuestions? Contact the chair: ").append(contact(c)).append('\n');
        return text.toString();
    }

    public static CalendarEvent calendarEvent(Conference c, Instant now) {
        String location = String.join("; ", whereAndHow(c).subList(0, Math.max(1, whereAndHow(c).size() - 1)));
        return new CalendarEvent("conference-" + c.id() + "@roundtable", c.version(), c.scheduledStart(), LENGTH,
                title(c.kind()) + " (" + c.family().name() + ")", location,
                "What it is for: " + purpose(c.kind()) + ".\nQuestions? Contact the chair: " + contact(c),
                PublicAddress.base() + "/conferences/" + c.id(), c.cancelReason() != null, now);
    }

    public static MailSender.Attachment calendarAttachment(Conference c, Instant now) {
        return new MailSender.Attachment("meeting.ics", "text/calendar; charset=UTF-8",
                calendarEvent(c, now).toIcs().getBytes(StandardCharsets.UTF_8));
    }

    private static String nameWithAgency(Invitee i) {
        return i.staffMember() == null ? i.displayName() : i.displayName() + " (" + i.staffMember().agency().name() + ")";
    }

    private static String roleName(InviteeRole role, int count) {
        return switch (role) {
            case CHAIR -> "Chair";
            case AGENCY_STAFF -> "From the services";
            case FAMILY_MEMBER -> "Family";
            case ADVOCATE -> count == 1 ? "Advocate" : "Advocates";
            case OBSERVER -> count == 1 ? "Observer" : "Observers";
        };
    }
}
