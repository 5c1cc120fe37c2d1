package org.roundtable.conference.domain.model.agency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.roundtable.shared.domain.StaffRole;

/** A person who works for an agency and signs in with a username and password. */
@Entity
public class StaffMember {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agency_id")
    private Agency agency;

    @Column(name = "full_name", nullable = false)
    private String fullName;

    @Column(nullable = false)
    private String email;

    @Column(nullable = false, updatable = false)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    private String phone;

    @Column(name = "is_chair", nullable = false)
    private boolean chair;

    @Column(name = "is_administrator", nullable = false)
    private boolean administrator;

    @Column(nullable = false)
    private boolean active = true;

    @Version
    private long version;

    protected StaffMember() {
    }

    public StaffMember(Agency agency, String fullName, String email, String username, String passwordHash,
            Set<StaffRole> roles) {
        this.id = UUID.randomUUID();
        this.agency = Objects.requireNonNull(agency);
        this.username = Objects.requireNonNull(username);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        update(fullName, email, roles, true);
    }

    public void update(String fullName, String email, Set<StaffRole> roles, boolean active) {
        this.fullName = Objects.requireNonNull(fullName);
        this.email = Objects.requireNonNull(email);
        this.chair = roles.contains(StaffRole.CHAIR);
        this.administrator = roles.contains(StaffRole.ADMINISTRATOR);
        this.active = active;
    }

    public void changePasswordHash(String passwordHash) {
        this.passwordHash = Objects.requireNonNull(passwordHash);
    }

    /** A direct line, shown to the families the person works with; optional. */
    public void changePhone(String phone) {
        this.phone = phone;
    }

    public String phone() {
        return phone;
    }

    public Set<StaffRole> roles() {
        var roles = EnumSet.noneOf(StaffRole.class);
        if (chair) {
            roles.add(StaffRole.CHAIR);
        }
        if (administrator) {
            roles.add(StaffRole.ADMINISTRATOR);
        }
        return roles;
    }

    public UUID id() {
        return id;
    }

    public Agency agency() {
        return agency;
    }

    public String fullName() {
        return fullName;
    }

    public String email() {
        return email;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean isChair() {
        return chair;
    }

    public boolean isAdministrator() {
        return administrator;
    }

    public boolean isActive() {
        return active;
    }
}
