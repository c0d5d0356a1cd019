package io.sanctionsrisk.sanctions;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.BatchSize;

/** A threat actor (intrusion set) and the other names reporting uses for it. */
@Entity
@Table(name = "threat_actor")
public class ThreatActor extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "threat_actor_seq")
    @SequenceGenerator(name = "threat_actor_seq", sequenceName = "threat_actor_seq", allocationSize = 50)
    private Long id;

    @Column(name = "actor_key", nullable = false, unique = true, length = 80)
    private String key;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @ElementCollection
    @CollectionTable(name = "threat_actor_alias", joinColumns = @JoinColumn(name = "actor_id"))
    @OrderColumn(name = "alias_order")
    @Column(name = "alias", nullable = false, length = 200)
    @BatchSize(size = 100)
    private List<String> aliases = new ArrayList<>();

    @Column(name = "description", length = 4000)
    private String description;

    @Column(name = "source", length = 500)
    private String source;

    @Column(name = "source_url", length = 2000)
    private String sourceUrl;

    protected ThreatActor() {}

    public ThreatActor(String key) {
        this.key = key;
    }

    public void apply(ActorData data) {
        name = data.name();
        if (!aliases.equals(data.aliases())) {
            aliases.clear();
            aliases.addAll(data.aliases());
        }
        description = data.description();
        source = data.source();
        sourceUrl = data.sourceUrl();
    }

    public ActorData toData() {
        return new ActorData(key, name, List.copyOf(aliases), description, source, sourceUrl, null);
    }

    public Long getId() {
        return id;
    }

    public String getKey() {
        return key;
    }

    public String getName() {
        return name;
    }
}
