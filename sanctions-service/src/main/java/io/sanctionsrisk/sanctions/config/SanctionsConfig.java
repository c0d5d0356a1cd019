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

    Exports exports();

    interface Exports {
        /**
         * Exports streaming at once; each holds one database connection for its whole length, so this keeps the
         * pool for the API. One more is a 503 {@code busy} with Retry-After.
         */
        @WithDefault("2")
        int maxConcurrent();

        /** Rows fetched from the database per round trip while an export streams. */
        @WithDefault("500")
        int fetchSize();
    }

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

        /**
         * Longest line (CSV row, counted in characters) an import reads; a longer one rejects the file with 413
         * before the rest is read.
         */
        @WithDefault("65536")
        int maxLineChars();

        /** Longest field (a CSV cell or a JSON string, in characters); longer rejects the file with 413. */
        @WithDefault("16384")
        int maxFieldChars();

        /** Deepest nesting of JSON objects and arrays in a JSON or STIX import; deeper rejects the file with 413. */
        @WithDefault("32")
        int maxJsonDepth();

        /**
         * Most bytes of one JSON record or STIX object (with the gap before it); more rejects the file with 413.
         * Noticed within 16 KiB of read-ahead.
         */
        @WithDefault("65536")
        int maxRecordBytes();

        /**
         * Most records one import file may hold (a STIX bundle: five objects per record); more rejects the file
         * with 413. The records of a file are validated together before any is written, so they are held in
         * memory: this bound is what keeps that memory bounded.
         */
        @WithDefault("100000")
        int maxRecords();
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
