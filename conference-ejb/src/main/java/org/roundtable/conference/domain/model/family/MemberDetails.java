package org.roundtable.conference.domain.model.family;

import java.time.LocalDate;

/** What is held about one family member: the details the family should only have to give once. */
public record MemberDetails(
        String fullName,
        LocalDate dateOfBirth,
        String email,
        String phone,
        String address,
        String preferredLanguage,
        String accessNeeds,
        boolean livesInHousehold) {

    /** Someone who lives in the household (most members do). */
    public MemberDetails(String fullName, LocalDate dateOfBirth, String email, String phone, String address,
            String preferredLanguage, String accessNeeds) {
        this(fullName, dateOfBirth, email, phone, address, preferredLanguage, accessNeeds, true);
    }
}
