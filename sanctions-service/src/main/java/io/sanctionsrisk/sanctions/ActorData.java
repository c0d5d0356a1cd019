package io.sanctionsrisk.sanctions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A threat actor as it is written: the body of POST and PUT, a record of a JSON import and of the export. */
@JsonIgnoreProperties(value = {"audit"})
@Schema(name = "ActorInput", description = "A threat actor with its aliases as written")
public record ActorData(
        @Schema(example = "apt38", description = "Natural key, unique")
        @NotBlank
        @Size(max = Keys.MAX_LENGTH)
        @Pattern(regexp = Keys.PATTERN, message = "must be letters, digits, '.', '_' or '-'")
        String key,

        @Schema(example = "APT38") @NotBlank @Size(max = 200)
        String name,

        @Schema(example = "[\"Bluenoroff\",\"Stardust Chollima\"]")
        List<@Size(max = 200) String> aliases,

        @Size(max = 4000) String description,
        @Size(max = 500) String source,
        @Size(max = 2000) String sourceUrl,

        @Schema(description = "The version last read; required on PUT unless If-Match is sent", example = "0")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Long version) {

    public ActorData normalized() {
        return new ActorData(
                Text.clean(key),
                Text.clean(name),
                Text.cleanList(aliases),
                Text.clean(description),
                Text.clean(source),
                Text.clean(sourceUrl),
                version);
    }

    public ActorData withoutVersion() {
        return new ActorData(key, name, aliases, description, source, sourceUrl, null);
    }
}
