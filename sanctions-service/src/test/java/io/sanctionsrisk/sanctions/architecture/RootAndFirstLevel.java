package io.sanctionsrisk.sanctions.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/** One slice per first-level package under the root, and one for the root package itself. */
final class RootAndFirstLevel implements SliceAssignment {

    private final String root;

    RootAndFirstLevel(String root) {
        this.root = root;
    }

    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
        String name = javaClass.getPackageName();
        if (name.equals(root)) {
            return SliceIdentifier.of("(root)");
        }
        if (!name.startsWith(root + ".")) {
            return SliceIdentifier.ignore();
        }
        String rest = name.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return SliceIdentifier.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    @Override
    public String getDescription() {
        return "the root package and each package below it";
    }
}
