package io.sanctionsrisk.k8s;

/** A container image reference split into repository, tag and digest ("repo/name:tag@sha256:..."). */
record ImageRef(String repository, String tag, String digest) {

    static ImageRef parse(String image) {
        String rest = image == null ? "" : image.strip();
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        return new ImageRef(rest, tag, digest);
    }

    /** The last path segment: "gateway" for "registry.example.com/sanctions-risk/gateway". */
    String name() {
        return repository.substring(repository.lastIndexOf('/') + 1);
    }

    /** The path segment before the name, if any: "sanctions-risk" above. */
    String group() {
        int last = repository.lastIndexOf('/');
        if (last < 0) {
            return "";
        }
        String head = repository.substring(0, last);
        return head.substring(head.lastIndexOf('/') + 1);
    }
}
