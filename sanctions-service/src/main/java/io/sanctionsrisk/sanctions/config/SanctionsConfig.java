package io.sanctionsrisk.sanctions.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's own settings, under the {@code sanctions.} prefix of application.properties. */
@ConfigMapping(prefix = "sanctions")
public interface SanctionsConfig {

    Seed seed();

    Paging paging();

    Imports imports();

    Timeline timeline();

    Local local();

    Sources sources();

    interface Sources {
        /** Largest official list file a load accepts; larger is a 413. The OFAC SDN XML is about 30 MB. */
        @WithDefault("67108864")
        long maxFileBytes();
    }

    interface Seed {
        /** Load the curated seed files (actors, sanctions, incidents) at start-up when they changed. */
        @WithDefault("true")
        boolean enabled();

        /** Classpath folder holding the seed and taxonomy CSV files. */
        @WithDefault("seed")
        String location();
    }

    interface Paging {
        /** Page size when the request does not name one. */
        @WithDefault("50")
        int defaultSize();

        /** Largest page size a request may ask for; larger is a 400. */
        @WithDefault("500")
        int maxSize();
    }

    interface Imports {
        /** Problems listed in a rejected import's answer; the count of the rest is given. */
        @WithDefault("1000")
        int maxListedProblems();

        /** Keys of created and updated records listed in an import report; the count of the rest is given. */
        @WithDefault("1000")
        int maxListedChanges();

        /** Records written between two flushes of the persistence context during an import. */
        @WithDefault("1000")
        int flushEvery();

        /** Created plus updated records of one kind from which an import refreshes the table's statistics. */
        @WithDefault("1000")
        int analyzeAfter();
    }

    interface Local {
        /**
         * The H2 database file of the {@code local} profile (without the .mv.db suffix), read by the datasource
         * URL in application.properties.
         */
        @WithDefault("./.local/sanctions-service/db")
        String dbPath();
    }

    interface Timeline {
        /** Most buckets one timeline request may span; more is a 400. */
        @WithDefault("1200")
        int maxBuckets();
    }
}
