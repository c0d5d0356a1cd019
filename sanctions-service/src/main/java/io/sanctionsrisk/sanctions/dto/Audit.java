package io.sanctionsrisk.sanctions.dto;

import io.sanctionsrisk.sanctions.AuditedEntity;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who created and last changed a record (token subject and client) and when. */
@Schema(description = "Who created and last changed the record (token `sub` and `azp`) and when; read-only")
public record Audit(
        Instant createdAt,
        String createdBy,
        String createdByClient,
        Instant updatedAt,
        String updatedBy,
        String updatedByClient) {

    public static Audit of(AuditedEntity entity) {
        return new Audit(
                entity.getCreatedAt(),
                entity.getCreatedBySubject(),
                entity.getCreatedByClient(),
                entity.getUpdatedAt(),
                entity.getUpdatedBySubject(),
                entity.getUpdatedByClient());
    }
}
