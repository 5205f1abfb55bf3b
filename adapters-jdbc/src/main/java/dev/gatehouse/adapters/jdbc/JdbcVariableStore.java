package dev.gatehouse.adapters.jdbc;

import dev.gatehouse.ports.model.Condition;
import dev.gatehouse.ports.model.ConditionKind;
import dev.gatehouse.ports.model.ConflictException;
import dev.gatehouse.ports.model.CredentialId;
import dev.gatehouse.ports.model.LabelTarget;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.Rollout;
import dev.gatehouse.ports.model.RolloutOverride;
import dev.gatehouse.ports.model.Variable;
import dev.gatehouse.ports.model.VariableId;
import dev.gatehouse.ports.model.VariableLabel;
import dev.gatehouse.ports.model.VariableVersion;
import dev.gatehouse.ports.out.VariableStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * Managed variables in the {@code variables} table and one table per part (versions, labels, overrides, rollout
 * weights, conditions and their values). A write spans every table atomically; a read is one statement over all of
 * them, so that it sees one snapshot and never half of a concurrent update, inside a unit of work too. Thread-safe.
 */
final class JdbcVariableStore implements VariableStore {

    private static final String COLUMNS = "id, project_id, name, description, json_schema, template_inputs_schema,"
            + " latest_weight, aliases, example, external, created_at, created_by, updated_at, updated_by";

    /** The rule number of a variable's default rollout; override n is rule n. */
    private static final int DEFAULT_RULE = 0;

    private final JdbcTransactions transactions;

    JdbcVariableStore(JdbcTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void insert(Variable variable) {
        Objects.requireNonNull(variable, "variable");
        transactions.write(handle -> {
            handle.createUpdate("INSERT INTO variables (" + COLUMNS + ") VALUES (:id, :projectId, :name,"
                            + " :description, :jsonSchema, :templateInputsSchema, :latestWeight, :aliases, :example,"
                            + " :external, :createdAt, :createdBy, :updatedAt, :updatedBy)")
                    .bind("id", Sql.uuid(variable.id().value()))
                    .bind("projectId", Sql.uuid(variable.projectId().value()))
                    .bind("name", variable.name())
                    .bind("description", variable.description())
                    .bind("jsonSchema", variable.jsonSchema())
                    .bind("templateInputsSchema", variable.templateInputsSchema())
                    .bind("latestWeight", variable.rollout().latestWeight())
                    .bind("aliases", aliases(variable.aliases()))
                    .bind("example", variable.example())
                    .bind("external", variable.external())
                    .bind("createdAt", Sql.instant(variable.createdAt()))
                    .bind("createdBy", Sql.uuid(Rows.value(variable.createdBy())))
                    .bind("updatedAt", Sql.instant(variable.updatedAt()))
                    .bind("updatedBy", Sql.uuid(Rows.value(variable.updatedBy())))
                    .execute();
            insertVersions(handle, variable.id(), variable.versions());
            insertParts(handle, variable);
            return null;
        }, failure -> SqlErrors.translate(failure,
                Map.of("uq_variables_project_name", nameTaken(variable)),
                "variable " + variable.id() + " already exists",
                "project " + variable.projectId() + " does not exist"));
    }

    @Override
    public void update(Variable variable) {
        Objects.requireNonNull(variable, "variable");
        transactions.write(handle -> {
            // Updating the row first takes its lock, if a locking read has not already, so that concurrent updates of
            // one variable write one after the other and each compares its versions with those the previous one
            // committed; an update based on a locking read has also seen the previous one's other changes.
            int updated = handle.createUpdate("UPDATE variables SET name = :name, description = :description,"
                            + " json_schema = :jsonSchema, template_inputs_schema = :templateInputsSchema,"
                            + " latest_weight = :latestWeight, aliases = :aliases, example = :example,"
                            + " external = :external, updated_at = :updatedAt, updated_by = :updatedBy WHERE id = :id")
                    .bind("id", Sql.uuid(variable.id().value()))
                    .bind("name", variable.name())
                    .bind("description", variable.description())
                    .bind("jsonSchema", variable.jsonSchema())
                    .bind("templateInputsSchema", variable.templateInputsSchema())
                    .bind("latestWeight", variable.rollout().latestWeight())
                    .bind("aliases", aliases(variable.aliases()))
                    .bind("example", variable.example())
                    .bind("external", variable.external())
                    .bind("updatedAt", Sql.instant(variable.updatedAt()))
                    .bind("updatedBy", Sql.uuid(Rows.value(variable.updatedBy())))
                    .execute();
            if (updated == 0) {
                throw new NotFoundException("variable " + variable.id() + " does not exist");
            }
            UUID id = variable.id().value();
            Map<Integer, VariableVersion> stored = handle.createQuery("SELECT variable_id, version, serialized_value,"
                            + " created_at, created_by FROM variable_versions WHERE variable_id = :id")
                    .bind("id", Sql.uuid(id))
                    .map((row, context) -> version(Columns.named(row)))
                    .stream()
                    .collect(Collectors.toMap(VariableVersion::number, Function.identity()));
            List<VariableVersion> added = new ArrayList<>();
            for (VariableVersion version : variable.versions()) {
                VariableVersion held = stored.get(version.number());
                if (held == null) {
                    added.add(version);
                } else if (!held.equals(version)) {
                    throw new ConflictException("variable " + variable.id() + " already has a version "
                            + version.number() + " with other content");
                }
            }
            for (String table : List.of("variable_labels", "variable_rollout_weights", "variable_overrides")) {
                handle.createUpdate("DELETE FROM " + table + " WHERE variable_id = :id").bind("id", Sql.uuid(id))
                        .execute();
            }
            insertVersions(handle, variable.id(), added);
            insertParts(handle, variable);
            return null;
        }, failure -> SqlErrors.translate(failure,
                Map.of("uq_variables_project_name", nameTaken(variable)),
                "variable " + variable.id() + " was given a version another update added first",
                "variable " + variable.id() + " refers to a version that does not exist"));
    }

    @Override
    public Optional<Variable> findById(VariableId id) {
        Objects.requireNonNull(id, "id");
        return transactions.read(handle -> load(handle, "id = :id", Map.of("id", id.value()))).stream().findFirst();
    }

    @Override
    public Optional<Variable> findByIdForUpdate(VariableId id) {
        Objects.requireNonNull(id, "id");
        return loadLocked("id = :id", Map.of("id", id.value()));
    }

    @Override
    public Optional<Variable> findByName(ProjectId project, String name) {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(name, "name");
        return transactions.read(handle -> load(handle, "project_id = :projectId AND name = :name",
                Map.of("projectId", project.value(), "name", name))).stream().findFirst();
    }

    @Override
    public Optional<Variable> findByNameForUpdate(ProjectId project, String name) {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(name, "name");
        // PostgreSQL hands over no row renamed while the lock was awaited, but the name is checked again in case a
        // database does.
        return loadLocked("project_id = :projectId AND name = :name",
                Map.of("projectId", project.value(), "name", name))
                .filter(variable -> variable.name().equals(name));
    }

    @Override
    public List<Variable> listByProject(ProjectId project) {
        Objects.requireNonNull(project, "project");
        return transactions.read(handle -> load(handle, "project_id = :projectId",
                Map.of("projectId", project.value())));
    }

    /**
     * The variable whose row matches {@code where} (at most one may), locked until the unit of work ends: locked by a
     * statement of its own and then read by its id, so that the read, seeing what was committed when it began, sees
     * what a unit that held the lock committed, and never a variable that took the name after the lock was taken.
     */
    private Optional<Variable> loadLocked(String where, Map<String, Object> parameters) {
        return transactions.read(handle -> {
            Optional<UUID> locked = bind(handle.createQuery("SELECT id FROM variables WHERE " + where + " FOR UPDATE"),
                    parameters)
                    .map((row, context) -> Sql.uuid(row, "id"))
                    .findOne();
            return locked.flatMap(id -> load(handle, "id = :id", Map.of("id", id)).stream().findFirst());
        });
    }

    /**
     * The variables matching {@code where} (on the variables table), oldest first, each with all its parts, read by
     * one statement (see {@link Part}).
     */
    private static List<Variable> load(Handle handle, String where, Map<String, Object> parameters) {
        return bind(handle.createQuery(Part.statement(where)), parameters)
                .reduceResultSet(new Assembly(), (assembly, row, context) -> assembly.add(Columns.ofPart(row)))
                .variables();
    }

    private static Query bind(Query query, Map<String, Object> parameters) {
        parameters.forEach((name, value) -> {
            if (value instanceof UUID uuid) {
                query.bind(name, Sql.uuid(uuid));
            } else {
                query.bind(name, (String) value);
            }
        });
        return query;
    }

    private static void insertVersions(Handle handle, VariableId id, List<VariableVersion> versions) {
        if (versions.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("INSERT INTO variable_versions (variable_id, version,"
                + " serialized_value, created_at, created_by) VALUES (:id, :version, :value, :createdAt, :createdBy)");
        for (VariableVersion version : versions) {
            batch.bind("id", Sql.uuid(id.value()))
                    .bind("version", version.number())
                    .bind("value", version.serializedValue())
                    .bind("createdAt", Sql.instant(version.createdAt()))
                    .bind("createdBy", Sql.uuid(Rows.value(version.createdBy())))
                    .add();
        }
        batch.execute();
    }

    /** Inserts the labels and rollout rules: everything of a variable an update replaces, its versions aside. */
    private static void insertParts(Handle handle, Variable variable) {
        UUID id = variable.id().value();
        if (!variable.labels().isEmpty()) {
            PreparedBatch labels = handle.prepareBatch("INSERT INTO variable_labels (variable_id, label, target_type,"
                    + " target_version, target_label, updated_at, updated_by) VALUES (:id, :label, :targetType,"
                    + " :targetVersion, :targetLabel, :updatedAt, :updatedBy)");
            for (VariableLabel label : variable.labels()) {
                LabelTarget target = label.target();
                labels.bind("id", Sql.uuid(id))
                        .bind("label", label.name())
                        .bind("targetType", target.targetType())
                        .bind("targetVersion", target instanceof LabelTarget.Version version ? version.number() : null)
                        .bind("targetLabel", target instanceof LabelTarget.Label reference ? reference.name() : null)
                        .bind("updatedAt", Sql.instant(label.updatedAt()))
                        .bind("updatedBy", Sql.uuid(Rows.value(label.updatedBy())))
                        .add();
            }
            labels.execute();
        }
        PreparedBatch weights = handle.prepareBatch("INSERT INTO variable_rollout_weights (variable_id, rule, label,"
                + " weight) VALUES (:id, :rule, :label, :weight)");
        addWeights(weights, id, DEFAULT_RULE, variable.rollout());
        PreparedBatch overrides = handle.prepareBatch("INSERT INTO variable_overrides (variable_id, rule, name,"
                + " description, latest_weight) VALUES (:id, :rule, :name, :description, :latestWeight)");
        PreparedBatch conditions = handle.prepareBatch("INSERT INTO variable_conditions (variable_id, rule, position,"
                + " kind, attribute, json_value, pattern) VALUES (:id, :rule, :position, :kind, :attribute, :value,"
                + " :pattern)");
        PreparedBatch values = handle.prepareBatch("INSERT INTO variable_condition_values (variable_id, rule,"
                + " condition, position, json_value) VALUES (:id, :rule, :condition, :position, :value)");
        for (int i = 0; i < variable.overrides().size(); i++) {
            int rule = i + 1;
            RolloutOverride override = variable.overrides().get(i);
            overrides.bind("id", Sql.uuid(id))
                    .bind("rule", rule)
                    .bind("name", override.name())
                    .bind("description", override.description())
                    .bind("latestWeight", override.rollout().latestWeight())
                    .add();
            addWeights(weights, id, rule, override.rollout());
            for (int position = 0; position < override.conditions().size(); position++) {
                Condition condition = override.conditions().get(position);
                conditions.bind("id", Sql.uuid(id))
                        .bind("rule", rule)
                        .bind("position", position)
                        .bind("kind", condition.kind().wireName())
                        .bind("attribute", condition.attribute())
                        .bind("value", condition.value())
                        .bind("pattern", condition.pattern())
                        .add();
                List<String> operands = condition.values() == null ? List.of() : condition.values();
                for (int index = 0; index < operands.size(); index++) {
                    values.bind("id", Sql.uuid(id))
                            .bind("rule", rule)
                            .bind("condition", position)
                            .bind("position", index)
                            .bind("value", operands.get(index))
                            .add();
                }
            }
        }
        for (PreparedBatch batch : List.of(overrides, weights, conditions, values)) {
            if (batch.size() > 0) {
                batch.execute();
            }
        }
    }

    private static void addWeights(PreparedBatch weights, UUID id, int rule, Rollout rollout) {
        rollout.labels().forEach((label, weight) -> weights.bind("id", Sql.uuid(id))
                .bind("rule", rule)
                .bind("label", label)
                .bind("weight", weight)
                .add());
    }

    /** Aliases as stored: null stays null, a list becomes its names separated by single spaces. */
    private static String aliases(List<String> aliases) {
        return aliases == null ? null : String.join(" ", aliases);
    }

    private static List<String> aliases(String stored) {
        if (stored == null) {
            return null;
        }
        return stored.isEmpty() ? List.of() : Arrays.asList(stored.split(" "));
    }

    private static VariableVersion version(Columns row) throws SQLException {
        return new VariableVersion(row.integer("version"), row.string("serialized_value"), row.instant("created_at"),
                row.credentialId("created_by"));
    }

    private static VariableLabel label(Columns row) throws SQLException {
        LabelTarget target = switch (row.string("target_type")) {
            case "version" -> new LabelTarget.Version(row.integer("target_version"));
            case "latest" -> new LabelTarget.Latest();
            case "code_default" -> new LabelTarget.CodeDefault();
            case "label" -> new LabelTarget.Label(row.string("target_label"));
            default -> throw new IllegalStateException("unknown label target " + row.string("target_type"));
        };
        return new VariableLabel(row.string("label"), target, row.instant("updated_at"),
                row.credentialId("updated_by"));
    }

    private static String nameTaken(Variable variable) {
        return "a variable named '" + variable.name() + "' already exists in project " + variable.projectId();
    }

    /** One row of {@code variables}, awaiting its parts. */
    private static final class Row {
        private final UUID id;
        private final UUID projectId;
        private final String name;
        private final String description;
        private final String jsonSchema;
        private final String templateInputsSchema;
        private final Double latestWeight;
        private final List<String> aliases;
        private final String example;
        private final boolean external;
        private final Instant createdAt;
        private final CredentialId createdBy;
        private final Instant updatedAt;
        private final CredentialId updatedBy;

        Row(Columns row) throws SQLException {
            id = row.uuid("id");
            projectId = row.uuid("project_id");
            name = row.string("name");
            description = row.string("description");
            jsonSchema = row.string("json_schema");
            templateInputsSchema = row.string("template_inputs_schema");
            latestWeight = row.fraction("latest_weight");
            aliases = aliases(row.string("aliases"));
            example = row.string("example");
            external = row.flag("external");
            createdAt = row.instant("created_at");
            createdBy = row.credentialId("created_by");
            updatedAt = row.instant("updated_at");
            updatedBy = row.credentialId("updated_by");
        }

        Variable variable(Parts parts) {
            List<RolloutOverride> overrides = parts.overrides.entrySet().stream()
                    .map(entry -> entry.getValue().override(parts.rollout(entry.getKey(), entry.getValue().latestWeight)))
                    .toList();
            return new Variable(new VariableId(id), new ProjectId(projectId), name, description, jsonSchema,
                    templateInputsSchema, parts.rollout(DEFAULT_RULE, latestWeight), overrides, aliases, example,
                    external, parts.labels, parts.versions, createdAt, createdBy, updatedAt, updatedBy);
        }
    }

    /**
     * The tables a variable is read from, in the order their rows are assembled. They are read by one statement, the
     * union of one select per table, so that the variable is as one commit left it: a statement sees one snapshot, even
     * inside a unit of work, where PostgreSQL's READ COMMITTED gives each statement a snapshot of its own. A row of the
     * union is one row of a part's table, its columns in the slots the part gives them, the other slots null.
     */
    private enum Part {
        VARIABLE("variables", Map.ofEntries(Map.entry("id", "variable_id"), Map.entry("project_id", "u1"),
                Map.entry("name", "s1"), Map.entry("description", "s2"), Map.entry("json_schema", "s3"),
                Map.entry("template_inputs_schema", "s4"), Map.entry("aliases", "s5"), Map.entry("example", "s6"),
                Map.entry("latest_weight", "d1"), Map.entry("external", "b1"), Map.entry("created_at", "t1"),
                Map.entry("created_by", "u2"), Map.entry("updated_at", "t2"), Map.entry("updated_by", "u3"))),
        VERSION("variable_versions", Map.of("variable_id", "variable_id", "version", "n1", "serialized_value", "s1",
                "created_at", "t1", "created_by", "u1")),
        LABEL("variable_labels", Map.of("variable_id", "variable_id", "label", "s1", "target_type", "s2",
                "target_version", "n1", "target_label", "s3", "updated_at", "t1", "updated_by", "u1")),
        OVERRIDE("variable_overrides", Map.of("variable_id", "variable_id", "rule", "n1", "name", "s1",
                "description", "s2", "latest_weight", "d1")),
        WEIGHT("variable_rollout_weights", Map.of("variable_id", "variable_id", "rule", "n1", "label", "s1",
                "weight", "d1")),
        CONDITION("variable_conditions", Map.of("variable_id", "variable_id", "rule", "n1", "position", "n2",
                "kind", "s1", "attribute", "s2", "json_value", "s3", "pattern", "s4")),
        VALUE("variable_condition_values", Map.of("variable_id", "variable_id", "rule", "n1", "condition", "n2",
                "position", "n3", "json_value", "s1"));

        /** The union's columns after {@code part}, in order, each with the type its null is cast to. */
        private static final List<Map.Entry<String, String>> SLOTS = List.of(Map.entry("variable_id", "UUID"),
                Map.entry("n1", "INTEGER"), Map.entry("n2", "INTEGER"), Map.entry("n3", "INTEGER"),
                Map.entry("s1", "VARCHAR"), Map.entry("s2", "VARCHAR"), Map.entry("s3", "VARCHAR"),
                Map.entry("s4", "VARCHAR"), Map.entry("s5", "VARCHAR"), Map.entry("s6", "VARCHAR"),
                Map.entry("d1", "DOUBLE PRECISION"), Map.entry("b1", "BOOLEAN"),
                Map.entry("t1", "TIMESTAMP WITH TIME ZONE"), Map.entry("t2", "TIMESTAMP WITH TIME ZONE"),
                Map.entry("u1", "UUID"), Map.entry("u2", "UUID"), Map.entry("u3", "UUID"));

        private final String table;
        /** The slot of each column of the table that is read. */
        private final Map<String, String> slots;

        Part(String table, Map<String, String> slots) {
            this.table = table;
            this.slots = slots;
        }

        /**
         * The statement reading the variables matching {@code where} with their parts, the parts in the order of this
         * enum: overrides before their conditions, conditions before their values. Variables come oldest first (ties
         * broken by id), as {@code t1} is their creation; the rules, conditions and values of a variable in order of
         * their numbers, as they leave {@code t1} null.
         */
        static String statement(String where) {
            return Arrays.stream(values())
                    .map(part -> part.select(part == VARIABLE ? where
                            : "variable_id IN (SELECT id FROM variables WHERE " + where + ")"))
                    .collect(Collectors.joining(" UNION ALL ", "", " ORDER BY part, t1, variable_id, n1, n2, n3"));
        }

        private String select(String where) {
            Map<String, String> columnOf = slots.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
            return SLOTS.stream()
                    .map(slot -> columnOf.getOrDefault(slot.getKey(), "CAST(NULL AS " + slot.getValue() + ")")
                            + " AS " + slot.getKey())
                    .collect(Collectors.joining(", ", "SELECT " + ordinal() + " AS part, ",
                            " FROM " + table + " WHERE " + where));
        }
    }

    /** The columns of one row, read by their names in their table, wherever the statement put them. */
    private static final class Columns {
        private final ResultSet row;
        private final Part part;

        private Columns(ResultSet row, Part part) {
            this.row = row;
            this.part = part;
        }

        /** A row of {@link Part#statement}, which says which part it is. */
        static Columns ofPart(ResultSet row) throws SQLException {
            return new Columns(row, Part.values()[row.getInt("part")]);
        }

        /** A row whose columns have their own names. */
        static Columns named(ResultSet row) {
            return new Columns(row, null);
        }

        String string(String column) throws SQLException {
            return row.getString(slot(column));
        }

        int integer(String column) throws SQLException {
            return row.getInt(slot(column));
        }

        /** The number in {@code column}, or null. */
        Double fraction(String column) throws SQLException {
            double value = row.getDouble(slot(column));
            return row.wasNull() ? null : value;
        }

        boolean flag(String column) throws SQLException {
            return row.getBoolean(slot(column));
        }

        UUID uuid(String column) throws SQLException {
            return Sql.uuid(row, slot(column));
        }

        Instant instant(String column) throws SQLException {
            return Sql.instant(row, slot(column));
        }

        CredentialId credentialId(String column) throws SQLException {
            return Rows.credentialId(row, slot(column));
        }

        private String slot(String column) {
            if (part == null) {
                return column;
            }
            String slot = part.slots.get(column);
            if (slot == null) {
                throw new IllegalArgumentException(part + " reads no column " + column);
            }
            return slot;
        }
    }

    /** The variables of a statement's rows, as far as the rows added so far go. */
    private static final class Assembly {
        private final List<Row> rows = new ArrayList<>();
        private final Map<UUID, Parts> parts = new HashMap<>();

        Assembly add(Columns row) throws SQLException {
            switch (row.part) {
                case VARIABLE -> {
                    Row variable = new Row(row);
                    rows.add(variable);
                    parts.put(variable.id, new Parts());
                }
                case VERSION -> of(row).versions.add(version(row));
                case LABEL -> of(row).labels.add(label(row));
                case OVERRIDE -> {
                    OverrideRow override = new OverrideRow(row);
                    of(row).overrides.put(override.rule, override);
                }
                case WEIGHT -> of(row).weights.computeIfAbsent(row.integer("rule"), rule -> new HashMap<>())
                        .put(row.string("label"), row.fraction("weight"));
                case CONDITION -> {
                    ConditionRow condition = new ConditionRow(row);
                    of(row).overrides.get(condition.rule).conditions.add(condition);
                }
                case VALUE -> of(row).overrides.get(row.integer("rule")).conditions.get(row.integer("condition"))
                        .values.add(row.string("json_value"));
            }
            return this;
        }

        List<Variable> variables() {
            return rows.stream().map(row -> row.variable(parts.get(row.id))).toList();
        }

        private Parts of(Columns row) throws SQLException {
            return parts.get(row.uuid("variable_id"));
        }
    }

    /** The parts of one variable as they are read. */
    private static final class Parts {
        private final List<VariableVersion> versions = new ArrayList<>();
        private final List<VariableLabel> labels = new ArrayList<>();
        private final Map<Integer, OverrideRow> overrides = new LinkedHashMap<>();
        private final Map<Integer, Map<String, Double>> weights = new HashMap<>();

        Rollout rollout(int rule, Double latestWeight) {
            return new Rollout(weights.getOrDefault(rule, Map.of()), latestWeight);
        }
    }

    /** One override, awaiting its conditions. */
    private static final class OverrideRow {
        private final int rule;
        private final String name;
        private final String description;
        private final Double latestWeight;
        private final List<ConditionRow> conditions = new ArrayList<>();

        OverrideRow(Columns row) throws SQLException {
            rule = row.integer("rule");
            name = row.string("name");
            description = row.string("description");
            latestWeight = row.fraction("latest_weight");
        }

        RolloutOverride override(Rollout rollout) {
            return new RolloutOverride(name, description, conditions.stream().map(ConditionRow::condition).toList(),
                    rollout);
        }
    }

    /** One condition, awaiting the values of a set kind. */
    private static final class ConditionRow {
        private final int rule;
        private final ConditionKind kind;
        private final String attribute;
        private final String value;
        private final String pattern;
        private final List<String> values = new ArrayList<>();

        ConditionRow(Columns row) throws SQLException {
            rule = row.integer("rule");
            String stored = row.string("kind");
            kind = Arrays.stream(ConditionKind.values())
                    .filter(candidate -> candidate.wireName().equals(stored))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("unknown condition kind " + stored));
            attribute = row.string("attribute");
            value = row.string("json_value");
            pattern = row.string("pattern");
        }

        Condition condition() {
            return new Condition(kind, attribute, value,
                    kind.operand() == ConditionKind.Operand.VALUES ? values : null, pattern);
        }
    }
}
