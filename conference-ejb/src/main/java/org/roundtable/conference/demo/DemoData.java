package org.roundtable.conference.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import org.roundtable.conference.application.ClockProducer;
import org.roundtable.conference.application.InvitationService;
import org.roundtable.conference.domain.model.access.Invitation;
import org.roundtable.conference.domain.model.access.SignInAddress;
import org.roundtable.conference.domain.model.agency.Agency;
import org.roundtable.conference.domain.model.agency.StaffMember;
import org.roundtable.conference.domain.model.conference.Conference;
import org.roundtable.conference.domain.model.conference.Invitee;
import org.roundtable.conference.domain.model.family.Advocate;
import org.roundtable.conference.domain.model.family.AdvocateAssignment;
import org.roundtable.conference.domain.model.family.Contact;
import org.roundtable.conference.domain.model.family.Family;
import org.roundtable.conference.domain.model.family.FamilyMember;
import org.roundtable.conference.domain.model.family.Involvement;
import org.roundtable.conference.domain.model.family.MemberDetails;
import org.roundtable.conference.domain.model.family.Period;
import org.roundtable.conference.domain.model.plan.ActionPlan;
import org.roundtable.conference.infrastructure.persistence.PlanStore;
import org.roundtable.conference.infrastructure.security.PasswordHasher;
import org.roundtable.conference.infrastructure.security.Secrets;
import org.roundtable.shared.domain.AgencyKind;
import org.roundtable.shared.domain.CallerKind;
import org.roundtable.shared.domain.ConferenceKind;
import org.roundtable.shared.domain.ConferenceStatus;
import org.roundtable.shared.domain.ContactKind;
import org.roundtable.shared.domain.InviteeRole;
import org.roundtable.shared.domain.StaffRole;
import org.roundtable.shared.plan.FractionalIndex;
import org.roundtable.shared.plan.PlanDocument;
import org.roundtable.shared.plan.PlanField;
import org.roundtable.shared.plan.PlanOperation;
import org.roundtable.shared.plan.TextOperation;

/**
 * Demo data, only with -Droundtable.demo=true: three agencies working with the Taylor family,
 * a housing officer who is not, a second family, an upcoming conference with an agenda, a plan
 * and contacts. Enough to click through every page. The sign-ins are printed at every start,
 * with a fresh invitation link for the demo family member.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class DemoData {

    public static final String PASSWORD = "roundtable-demo";
    public static final String FAMILY_EMAIL = "jess.taylor@example.org";
    public static final String ADVOCATE_EMAIL = "dee.walker@example.org";
    public static final String OTHER_FAMILY_EMAIL = "anna.novak@example.org";

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PasswordHasher passwords;

    @Inject
    private Clock clock;

    @Inject
    private PlanStore plans;

    @PostConstruct
    void load() {
        if (!Boolean.getBoolean("roundtable.demo")) {
            return;
        }
        long agencies = em.createQuery("select count(a) from Agency a", Long.class).getSingleResult();
        if (agencies == 0) {
            create();
        }
        String link = freshInvitationForJess();
        LOG.info(banner(link));
    }

    private void create() {
        LocalDate today = LocalDate.now(clock);
        String hash = passwords.hash(PASSWORD);

        var admin = new Agency("Roundtable Administration", AgencyKind.OTHER);
        var social = new Agency("Riverside Children's Services", AgencyKind.CHILDRENS_SOCIAL_CARE);
        var health = new Agency("Riverside Health Visiting", AgencyKind.HEALTH);
        var school = new Agency("Oakfield Primary School", AgencyKind.EDUCATION);
        var housing = new Agency("Riverside Housing", AgencyKind.HOUSING);
        for (var a : new Agency[] {admin, social, health, school, housing}) {
            em.persist(a);
        }

        var administrator = staff(admin, "Morgan Ellis", "admin", hash, EnumSet.of(StaffRole.ADMINISTRATOR));
        var chair = staff(social, "Priya Shah", "chair", hash, EnumSet.of(StaffRole.CHAIR));
        var socialWorker = staff(social, "Sam Okafor", "social.worker", hash, Set.of());
        var healthVisitor = staff(health, "Grace Mensah", "health.visitor", hash, Set.of());
        var teacher = staff(school, "Tom Reid", "teacher", hash, Set.of());
        var housingOfficer = staff(housing, "Alex Morgan", "housing.officer", hash, Set.of());

        var taylors = new Family("Taylor family", "RT-0001", clock.instant());
        em.persist(taylors);
        var plan = new ActionPlan(taylors);
        var jess = member(taylors, new MemberDetails("Jess Taylor", today.minusYears(31).minusDays(40), FAMILY_EMAIL,
                "07700 900123", "12 Mill Lane, Riverside", "English", "Prefers phone calls after 10am; dyslexic, so short written messages please."));
        var ryan = member(taylors, new MemberDetails("Ryan Taylor", today.minusYears(9).minusDays(100), null, null,
                "12 Mill Lane, Riverside", "English", null));
        member(taylors, new MemberDetails("Mia Taylor", today.minusYears(4).minusDays(12), null, null,
                "12 Mill Lane, Riverside", "English", null));

        var start = today.minusMonths(5);
        em.persist(new Involvement(taylors, social, socialWorker, new Period(start, null)));
        em.persist(new Involvement(taylors, health, healthVisitor, new Period(start.plusWeeks(2), null)));
        em.persist(new Involvement(taylors, school, teacher, new Period(start.plusWeeks(3), null)));

        var dee = new Advocate("Dee Walker", ADVOCATE_EMAIL, "Riverside Family Advocacy");
        em.persist(dee);
        em.persist(SignInAddress.confirmed(ADVOCATE_EMAIL, CallerKind.ADVOCATE, dee.id(), clock.instant()));
        em.persist(new AdvocateAssignment(taylors, dee, new Period(start.plusWeeks(1), null)));

        var novaks = new Family("Novak family", "RT-0002", clock.instant());
        em.persist(novaks);
        var novakPlan = new ActionPlan(novaks);
        em.persist(novakPlan);
        plans.initialise(novakPlan, new PlanDocument());
        member(novaks, new MemberDetails("Anna Novak", today.minusYears(38), OTHER_FAMILY_EMAIL, "07700 900456",
                "3 Station Road, Riverside", "Polish", "Would like an interpreter for meetings."));
        em.persist(new Involvement(novaks, housing, housingOfficer, new Period(today.minusMonths(2), null)));

        em.persist(plan);
        plans.initialise(plan, demoPlan(today, jess, school, social, health));

        contact(taylors, socialWorker, today.minusMonths(5), ContactKind.REFERRAL, "Referral from school about attendance and a cold home.");
        contact(taylors, socialWorker, today.minusMonths(4), ContactKind.ASSESSMENT, "Child and family assessment started; Jess and Ryan seen at home.");
        contact(taylors, healthVisitor, today.minusMonths(3), ContactKind.ASSESSMENT, "Health needs assessment for Mia; growth fine, review due.");
        contact(taylors, teacher, today.minusMonths(2), ContactKind.MEETING, "Attendance meeting with Jess at school.");
        contact(taylors, socialWorker, today.minusWeeks(3), ContactKind.VISIT, "Home visit: boiler still broken; children well.");
        contact(taylors, healthVisitor, today.minusWeeks(1), ContactKind.CALL, "Call to Jess to rebook Mia's review.");

        var when = ZonedDateTime.of(today.plusDays(7), LocalTime.of(10, 0), ClockProducer.LOCAL_ZONE).toInstant();
        var conference = new Conference(taylors, ConferenceKind.REVIEW_CHILD_PROTECTION, when, chair);
        conference.invite(Invitee.staff(conference, socialWorker, InviteeRole.AGENCY_STAFF));
        conference.invite(Invitee.staff(conference, healthVisitor, InviteeRole.AGENCY_STAFF));
        conference.invite(Invitee.staff(conference, teacher, InviteeRole.AGENCY_STAFF));
        conference.invite(Invitee.familyMember(conference, jess));
        conference.invite(Invitee.advocate(conference, dee));
        conference.addAgendaItem("Welcome and introductions", "Everyone says who they are and why they are here.");
        conference.addAgendaItem("What is going well", null);
        conference.addAgendaItem("What we are worried about", null);
        conference.addAgendaItem("The plan: what needs to happen", "Go through each goal with Jess.");
        conference.addAgendaItem("Next steps and review date", null);
        em.persist(conference);
        em.flush();
        LOG.info(() -> "Demo data created (" + administrator.username() + ", " + housingOfficer.username() + ", " + ryan.fullName() + "...)");
    }

    /** Three goals, with an action of Jess's, actions of three agencies, and one already overdue. */
    private static PlanDocument demoPlan(LocalDate today, FamilyMember jess, Agency school, Agency social, Agency health) {
        var plan = new PlanDocument();
        String goalKey = null;
        String[][] goals = {
            {"Ryan goes to school every day", "Ryan missed 18 days last term. He wants to be in the football team."},
            {"The home is warm and safe", "The boiler has been broken since October."},
            {"Mia's health checks are up to date", ""},
        };
        String[] goalIds = new String[goals.length];
        for (int i = 0; i < goals.length; i++) {
            goalIds[i] = UUID.randomUUID().toString();
            goalKey = FractionalIndex.between(goalKey, null);
            plan.apply(new PlanOperation.CreateGoal(goalIds[i], goalKey, goals[i][0]));
            if (!goals[i][1].isEmpty()) {
                plan.apply(new PlanOperation.EditText(goalIds[i], PlanField.DESCRIPTION, TextOperation.insertAt(0, 0, goals[i][1])));
            }
        }
        addAction(plan, goalIds[0], "V", "Walk Ryan to school each morning", "FAMILY_MEMBER:" + jess.id(), today.plusWeeks(4), "AGREED");
        addAction(plan, goalIds[0], "k", "Call home by 9:30 when Ryan is not in", "AGENCY:" + school.id(), today.plusWeeks(2), "AGREED");
        addAction(plan, goalIds[1], "V", "Apply for a boiler repair grant with Jess", "AGENCY:" + social.id(), today.plusWeeks(1), "IN_PROGRESS");
        addAction(plan, goalIds[2], "V", "Book Mia's developmental review", "AGENCY:" + health.id(), today.minusDays(3), "AGREED");
        addAction(plan, goalIds[2], "k", "Take Mia to the review", "FAMILY_MEMBER:" + jess.id(), today.plusWeeks(3), "PROPOSED");
        return plan;
    }

    private static void addAction(PlanDocument plan, String goalId, String position, String description, String owner,
            LocalDate due, String status) {
        String id = UUID.randomUUID().toString();
        plan.apply(new PlanOperation.CreateAction(id, goalId, position, description));
        plan.apply(new PlanOperation.SetField(id, PlanField.OWNER, owner));
        plan.apply(new PlanOperation.SetField(id, PlanField.DUE_ON, due.toString()));
        plan.apply(new PlanOperation.SetField(id, PlanField.STATUS, status));
    }

    private String freshInvitationForJess() {
        var invitee = em.createQuery("""
                select i from Invitee i join i.conference c
                where i.familyMember.email = :e and c.status <> :closed
                order by c.scheduledStart""", Invitee.class)
                .setParameter("e", FAMILY_EMAIL).setParameter("closed", ConferenceStatus.CLOSED).setMaxResults(1).getResultStream().findFirst();
        if (invitee.isEmpty()) {
            return null;
        }
        String token = Secrets.token();
        em.persist(new Invitation(invitee.get(), FAMILY_EMAIL, Secrets.sha256(token), clock.instant()));
        return InvitationService.linkFor(token);
    }

    private static String banner(String invitationLink) {
        return "\n"
                + "==================== Roundtable demo ====================\n"
                + " Open http://localhost:8080 and sign in as staff with password '" + PASSWORD + "':\n"
                + "   chair            Priya Shah, chair (Children's Services)\n"
                + "   social.worker    Sam Okafor, social worker (Children's Services)\n"
                + "   health.visitor   Grace Mensah, health visitor\n"
                + "   teacher          Tom Reid, teacher\n"
                + "   housing.officer  Alex Morgan (Housing; not working with the Taylors)\n"
                + "   admin            Morgan Ellis, administrator\n"
                + " Family member Jess Taylor joins by invitation (single use):\n"
                + "   " + (invitationLink == null ? "(no upcoming conference)" : invitationLink) + "\n"
                + " or asks for a code with " + FAMILY_EMAIL + " (advocate: " + ADVOCATE_EMAIL + ").\n"
                + " The demo has no mail server: emails, with their codes, are printed in this log.\n"
                + "==========================================================";
    }

    private StaffMember staff(Agency agency, String name, String username, String hash, Set<StaffRole> roles) {
        var s = new StaffMember(agency, name, username.replace('.', '_') + "@" + agency.kind().name().toLowerCase().replace('_', '-') + ".example.org",
                username, hash, roles);
        em.persist(s);
        return s;
    }

    /** A demo member; one with an email has already confirmed it, so the demo can sign in straight away. */
    private FamilyMember member(Family family, MemberDetails details) {
        var m = new FamilyMember(family, details);
        em.persist(m);
        if (m.email() != null) {
            em.persist(SignInAddress.confirmed(m.email(), CallerKind.FAMILY_MEMBER, m.id(), clock.instant()));
        }
        return m;
    }

    private void contact(Family family, StaffMember by, LocalDate on, ContactKind kind, String summary) {
        em.persist(new Contact(family, by, on, kind, summary));
    }
}
