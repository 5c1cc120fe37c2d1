package org.roundtable.conference.application.view;

/** Whom a family can call about its case: who they are to the family, and how to reach them. */
public record StaffContactView(Role role, String fullName, String agencyName, String phone, String email) {

    public enum Role { LEAD_WORKER, CHAIR }
}
