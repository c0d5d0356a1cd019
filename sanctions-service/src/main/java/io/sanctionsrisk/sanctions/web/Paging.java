package io.sanctionsrisk.sanctions.web;

import io.sanctionsrisk.sanctions.config.SanctionsConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** The page and size parameters of every list: pages count from 0; the size is capped (documented). */
@ApplicationScoped
public class Paging {

    public record Request(int page, int size) {}

    private final SanctionsConfig config;

    public Paging(SanctionsConfig config) {
        this.config = config;
    }

    public Request parse(String page, String size) {
        int maxSize = config.paging().maxSize();
        return new Request(
                Params.integer("page", page, 0, 0, Integer.MAX_VALUE / maxSize),
                Params.integer("size", size, config.paging().defaultSize(), 1, maxSize));
    }
}
