package dev.gatehouse.ports.model;

/** What a label of a variable points at: a version, the latest version, the code default, or another label. */
public sealed interface LabelTarget {

    /** The wire spelling of this kind of target: {@code version}, {@code latest}, {@code code_default} or {@code label}. */
    String targetType();

    /** The version numbered {@code number}. */
    record Version(int number) implements LabelTarget {
        public Version {
            if (number < 1) {
                throw new IllegalArgumentException("versions are numbered from 1");
            }
        }

        @Override
        public String targetType() {
            return "version";
        }
    }

    /** Whichever version is the latest, following new versions as they are added. */
    record Latest() implements LabelTarget {
        @Override
        public String targetType() {
            return "latest";
        }
    }

    /** No stored value: the application's code default applies. */
    record CodeDefault() implements LabelTarget {
        @Override
        public String targetType() {
            return "code_default";
        }
    }

    /** Whatever the label {@code name} of the same variable points at. */
    record Label(String name) implements LabelTarget {
        public Label {
            VariableRules.requireValidLabel("target_label", name);
        }

        @Override
        public String targetType() {
            return "label";
        }
    }
}
