package org.roundtable.conference.application;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.roundtable.conference.domain.model.conference.Conference;
import org.roundtable.conference.domain.model.conference.Invitee;
import org.roundtable.conference.domain.model.family.Language;
import org.roundtable.conference.infrastructure.mail.MailSender;
import org.roundtable.shared.calendar.CalendarEvent;
import org.roundtable.shared.domain.ConferenceKind;
import org.roundtable.shared.domain.InviteeRole;

/**
 * The words every message about a meeting shares, in plain English or Welsh ({@link MailTexts}): when, where and how to
 * join, who will be there (by role), what the meeting is for, and whom to contact; plus the
 * calendar file (.ics) that goes with it.
 */
public final class MeetingLetter {

    /** Conferences are booked for a start time only; calendars get a two-hour slot. */
    static final Duration LENGTH = Duration.ofHours(2);

    private MeetingLetter() {
    }

    public static String when(Conference c) {
        return when(c, Language.ENGLISH);
    }

    /** "Tuesday 1 December 2026 at 10:00am", or in Welsh "dydd Mawrth 1 Rhagfyr 2026 am 10:00". */
    public static String when(Conference c, Language language) {
        var format = DateTimeFormatter.ofPattern(MailTexts.in(language).get("meeting.when"), language.locale());
        return format.format(c.scheduledStart().atZone(ClockProducer.LOCAL_ZONE)).replace("AM", "am").replace("PM", "pm");
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

    /** The meeting's name in the reader's language ("Cyfarfod grŵp craidd"). */
    public static String title(ConferenceKind kind, Language language) {
        return MailTexts.in(language).get("meeting.title." + kind.name());
    }

    /** What the meeting is for, in the reader's language. */
    public static String purpose(ConferenceKind kind, Language language) {
        return MailTexts.in(language).get("meeting.purpose." + kind.name());
    }

    public static String title(ConferenceKind kind) {
        String words = kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1) + " conference";
    }

    /** Where and how, one line each; "to be confirmed" when nothing is set yet. */
    public static List<String> whereAndHow(Conference c) {
        return whereAndHow(c, Language.ENGLISH);
    }

    public static List<String> whereAndHow(Conference c, Language language) {
        var words = MailTexts.in(language);
        var lines = new ArrayList<String>();
        if (c.venue() != null) {
            lines.add(words.fill("meeting.inPerson", Map.of("venue", c.venue())));
        }
        if (c.joinLink() != null) {
            lines.add(words.fill("meeting.online", Map.of("link", c.joinLink())));
        }
        if (c.dialIn() != null) {
            lines.add(words.fill("meeting.byPhone", Map.of("dialIn", c.dialIn())));
        }
        if (lines.isEmpty()) {
            lines.add(words.get("meeting.whereToBeTold"));
        }
        lines.add(words.get("meeting.joinInRoundtable"));
        return lines;
    }

    /** Who will be there, by role: "Chair: Priya Shah (Riverside Children's Services)". */
    public static List<String> whoWillBeThere(Conference c) {
        return whoWillBeThere(c, Language.ENGLISH);
    }

    public static List<String> whoWillBeThere(Conference c, Language language) {
        var words = MailTexts.in(language);
        var lines = new ArrayList<String>();
        for (InviteeRole role : InviteeRole.values()) {
            var names = c.invitees().stream().filter(i -> i.role() == role).map(MeetingLetter::nameWithAgency).toList();
            if (!names.isEmpty()) {
                lines.add(roleName(words, role, names.size()) + ": " + String.join(", ", names));
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
        return details(c, Language.ENGLISH);
    }

    /** The same, in the reader's language (names, places and links stay as they were written). */
    public static String details(Conference c, Language language) {
        var words = MailTexts.in(language);
        var text = new StringBuilder();
        text.append(words.fill("meeting.what", Map.of("title", title(c.kind(), language), "family", c.family().name()))).append('\n');
        if (c.kind() == ConferenceKind.CORE_GROUP) {
            text.append(words.get("meeting.coreGroupExplained"));
        }
        text.append(words.fill("meeting.whenLine", Map.of("when", when(c, language)))).append('\n');
        text.append(words.get("meeting.whereAndHow")).append('\n');
        whereAndHow(c, language).forEach(l -> text.append("  ").append(l).append('\n'));
        text.append('\n').append(words.fill("meeting.purposeLine", Map.of("purpose", purpose(c.kind(), language)))).append("\n\n");
        text.append(words.get("meeting.whoWillBeThere")).append('\n');
        whoWillBeThere(c, language).forEach(l -> text.append("  ").append(l).append('\n'));
        text.append('\n').append(words.fill("meeting.questions", Map.of("contact", contact(c)))).append('\n');
        return text.toString();
    }

    /**
     * The meeting for the reader's calendar, in their language: its name, where, what it is for and
     * whom to ask (the calendar's own words, like "Location", are the calendar app's). A Welsh
     * reader's link opens the meeting's page in Welsh.
     */
    public static CalendarEvent calendarEvent(Conference c, Instant now, Language language) {
        var words = MailTexts.in(language);
        var where = whereAndHow(c, language);
        String location = String.join("; ", where.subList(0, Math.max(1, where.size() - 1)));
        return new CalendarEvent("conference-" + c.id() + "@roundtable", c.version(), c.scheduledStart(), LENGTH,
                title(c.kind(), language) + " (" + c.family().name() + ")", location,
                words.fill("meeting.purposeLine", Map.of("purpose", purpose(c.kind(), language))) + "\n"
                        + words.fill("meeting.questions", Map.of("contact", contact(c))),
                PublicAddress.base() + "/conferences/" + c.id() + (language == Language.ENGLISH ? "" : "?lang=" + language.code()),
                c.cancelReason() != null, now);
    }

    public static MailSender.Attachment calendarAttachment(Conference c, Instant now, Language language) {
        return new MailSender.Attachment("meeting.ics", "text/calendar; charset=UTF-8",
                calendarEvent(c, now, language).toIcs().getBytes(StandardCharsets.UTF_8));
    }

    private static String nameWithAgency(Invitee i) {
        return i.staffMember() == null ? i.displayName() : i.displayName() + " (" + i.staffMember().agency().name() + ")";
    }

    private static String roleName(MailTexts words, InviteeRole role, int count) {
        boolean plural = count > 1 && (role == InviteeRole.ADVOCATE || role == InviteeRole.OBSERVER);
        return words.get((plural ? "meeting.roles." : "meeting.role.") + role.name());
    }
}
