package io.sanctionsrisk.risk.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/** Writes and reads the JSON documents of a snapshot; a document that does not fit its column is an error. */
@ApplicationScoped
public class SnapshotCodec {

    private final ObjectMapper mapper;

    public SnapshotCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(Object document) {
        try {
            String json = mapper.writeValueAsString(document);
            if (json.length() > ModelSnapshot.MAX_DOCUMENT_LENGTH) {
                throw new IllegalStateException("snapshot document of " + json.length() + " characters exceeds "
                        + ModelSnapshot.MAX_DOCUMENT_LENGTH);
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("snapshot document could not be written", e);
        }
    }

    public <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored snapshot document could not be read as " + type.getSimpleName(), e);
        }
    }

    public <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored snapshot document could not be read", e);
        }
    }
}
