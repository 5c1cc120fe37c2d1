package org.roundtable.conference.domain.model.conference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.util.Objects;
import java.util.UUID;

/** One item on a conference's agenda, in order. */
@Entity
public class AgendaItem {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "conference_id")
    private Conference conference;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String title;

    private String notes;

    @Version
    private long version;

    protected AgendaItem() {
    }

    AgendaItem(Conference conference, int position, String title, String notes) {
        this.id = UUID.randomUUID();
        this.conference = Objects.requireNonNull(conference);
        this.position = position;
        edit(title, notes);
    }

    public void edit(String title, String notes) {
        conference.requireNotClosed();
        this.title = Objects.requireNonNull(title);
        this.notes = notes;
    }

    void moveTo(int position) {
        this.position = position;
    }

    public UUID id() {
        return id;
    }

    public int position() {
        return position;
    }

    public String title() {
        return title;
    }

    public String notes() {
        return notes;
    }
}
