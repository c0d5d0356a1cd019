package io.sanctionsrisk.sanctions.dto;

import io.sanctionsrisk.sanctions.ActorData;
import io.sanctionsrisk.sanctions.ThreatActor;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A threat actor as read. */
@Schema(name = "Actor", description = "A threat actor and its aliases")
public record ActorView(
        @Schema(example = "apt38") String key,
        @Schema(example = "APT38") String name,

        @Schema(example = "[\"Bluenoroff\",\"Stardust Chollima\"]")
        List<String> aliases,

        String description,
        String source,
        String sourceUrl,
        @Schema(example = "0") long version,
        Audit audit) {

    public static ActorView of(ThreatActor actor) {
        ActorData data = actor.toData();
        return new ActorView(
                data.key(),
                data.name(),
                data.aliases(),
                data.description(),
                data.source(),
                data.sourceUrl(),
                actor.getVersion(),
                Audit.of(actor));
    }
}
