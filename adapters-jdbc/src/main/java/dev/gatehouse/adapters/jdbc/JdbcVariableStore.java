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
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Managed variables in the {@code variables} table and one table per part (versions, labels, overrides, rollout
 * weights, conditions and their values). A write spans every table atomically; a read outside a unit of work reads
 * all of them in one repeatable-read snapshot, so that it never sees half of a concurrent update. Thread-safe.
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
            // Updating the row first takes its lock, if findByIdForUpdate has not already, so that concurrent updates
            // of one variable write one after the other and each compares its versions with those the previous one
            // committed; an update based on findByIdForUpdate has also seen the previous one's other changes.
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
                    .map((row, context) -> version(row))
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
        return load("id = :id", Map.of("id", id.value()), false).stream().findFirst();
    }

    @Override
    public Optional<Variable> findByIdForUpdate(VariableId id) {
        Objects.requireNonNull(id, "id");
        return load("id = :id", Map.of("id", id.value()), true).stream().findFirst();
    }

    @Override
    public Optional<Variable> findByName(ProjectId project, String name) {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(name, "name");
        return load("project_id = :projectId AND name = :name", Map.of("projectId", project.value(), "name", name),
                false).stream().findFirst();
    }

    @Override
    public List<Variable> listByProject(ProjectId project) {
        Objects.requireNonNull(project, "project");
        return load("project_id = :projectId", Map.of("projectId", project.value()), false);
    }

    /**
     * The variables matching {@code where} (on the variables table), oldest first, each with all its parts; with
     * {@code forUpdate}, inside a unit of work, their rows are locked until the unit ends.
     */
    private List<Variable> load(String where, Map<String, Object> parameters, boolean forUpdate) {
        return transactions.read(handle -> {
            if (!handle.isInTransaction()) {
                // Outside a unit a lock would end with the read, so the snapshot alone serves.
                return handle.inTransaction(TransactionIsolationLevel.REPEATABLE_READ,
                        snapshot -> load(snapshot, where, parameters));
            }
            if (forUpdate) {
                // Locked by a statement of its own, so that the reads after it, each seeing what was committed when it
                // began, see what a unit that held the lock committed.
                bind(handle.createQuery("SELECT id FROM variables WHERE " + where + " FOR UPDATE"), parameters)
                        .map((row, context) -> Sql.uuid(row, "id"))
                        .list();
            }
            return load(handle, where, parameters);
        });
    }

    private static List<Variable> load(Handle handle, String where, Map<String, Object> parameters) {
        String matching = "variable_id IN (SELECT id FROM variables WHERE " + where + ")";
        List<Row> rows = bind(handle.createQuery("SELECT " + COLUMNS + " FROM variables WHERE " + where
                + " ORDER BY created_at, id"), parameters)
                .map((row, context) -> new Row(row))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, Parts> parts = new HashMap<>();
        rows.forEach(row -> parts.put(row.id, new Parts()));
        bind(handle.createQuery("SELECT variable_id, version, serialized_value, created_at, created_by"
                + " FROM variable_versions WHERE " + matching + " ORDER BY variable_id, version"), parameters)
                .map((row, context) -> Map.entry(Sql.uuid(row, "variable_id"), version(row)))
                .forEach(found -> parts.get(found.getKey()).versions.add(found.getValue()));
        bind(handle.createQuery("SELECT variable_id, label, target_type, target_version, target_label, updated_at,"
                + " updated_by FROM variable_labels WHERE " + matching), parameters)
                .map((row, context) -> Map.entry(Sql.uuid(row, "variable_id"), label(row)))
                .forEach(found -> parts.get(found.getKey()).labels.add(found.getValue()));
        bind(handle.createQuery("SELECT variable_id, rule, name, description, latest_weight FROM variable_overrides"
                + " WHERE " + matching + " ORDER BY variable_id, rule"), parameters)
                .map((row, context) -> Map.entry(Sql.uuid(row, "variable_id"), new OverrideRow(row)))
                .forEach(found -> parts.get(found.getKey()).overrides.put(found.getValue().rule, found.getValue()));
        bind(handle.createQuery("SELECT variable_id, rule, label, weight FROM variable_rollout_weights WHERE "
                + matching), parameters)
                .map((row, context) -> new WeightRow(Sql.uuid(row, "variable_id"), row.getInt("rule"),
                        row.getString("label"), row.getDouble("weight")))
                .forEach(found -> parts.get(found.variableId()).weights
                        .computeIfAbsent(found.rule(), rule -> new HashMap<>())
                        .put(found.label(), found.weight()));
        bind(handle.createQuery("SELECT variable_id, rule, position, kind, attribute, json_value, pattern"
                + " FROM variable_conditions WHERE " + matching + " ORDER BY variable_id, rule, position"), parameters)
                .map((row, context) -> Map.entry(Sql.uuid(row, "variable_id"), new ConditionRow(row)))
                .forEach(found -> parts.get(found.getKey()).overrides.get(found.getValue().rule).conditions
                        .add(found.getValue()));
        bind(handle.createQuery("SELECT variable_id, rule, condition, json_value FROM variable_condition_values"
                + " WHERE " + matching + " ORDER BY variable_id, rule, condition, position"), parameters)
                .map((row, context) -> new ValueRow(Sql.uuid(row, "variable_id"), row.getInt("rule"),
                        row.getInt("condition"), row.getString("json_value")))
                .forEach(found -> parts.get(found.variableId()).overrides.get(found.rule()).conditions
                        .get(found.condition()).values.add(found.json()));
        return rows.stream().map(row -> row.variable(parts.get(row.id))).toList();
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

    private static VariableVersion version(ResultSet row) throws SQLException {
        return new VariableVersion(row.getInt("version"), row.getString("serialized_value"),
                Sql.instant(row, "created_at"), Rows.credentialId(row, "created_by"));
    }

    private static VariableLabel label(ResultSet row) throws SQLException {
        LabelTarget target = switch (row.getString("target_type")) {
            case "version" -> new LabelTarget.Version(row.getInt("target_version"));
            case "latest" -> new LabelTarget.Latest();
            case "code_default" -> new LabelTarget.CodeDefault();
            case "label" -> new LabelTarget.Label(row.getString("target_label"));
            default -> throw new IllegalStateException("unknown label target " + row.getString("target_type"));
        };
        return new VariableLabel(row.getString("label"), target, Sql.instant(row, "updated_at"),
                Rows.credentialId(row, "updated_by"));
    }

    private static Double nullableDouble(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
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

        Row(ResultSet row) throws SQLException {
            id = Sql.uuid(row, "id");
            projectId = Sql.uuid(row, "project_id");
            name = row.getString("name");
            description = row.getString("description");
            jsonSchema = row.getString("json_schema");
            templateInputsSchema = row.getString("template_inputs_schema");
            latestWeight = nullableDouble(row, "latest_weight");
            aliases = aliases(row.getString("aliases"));
            example = row.getString("example");
            external = row.getBoolean("external");
            createdAt = Sql.instant(row, "created_at");
            createdBy = Rows.credentialId(row, "created_by");
            updatedAt = Sql.instant(row, "updated_at");
            updatedBy = Rows.credentialId(row, "updated_by");
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

    /** One label weight of one rule. */
    private record WeightRow(UUID variableId, int rule, String label, double weight) {
    }

    /** One compared value of a condition of a set kind. */
    private record ValueRow(UUID variableId, int rule, int condition, String json) {
    }

    /** One override, awaiting its conditions. */
    private static final class OverrideRow {
        private final int rule;
        private final String name;
        private final String description;
        private final Double latestWeight;
        private final List<ConditionRow> conditions = new ArrayList<>();

        OverrideRow(ResultSet row) throws SQLException {
            rule = row.getInt("rule");
            name = row.getString("name");
            description = row.getString("description");
            latestWeight = nullableDouble(row, "latest_weight");
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

        ConditionRow(ResultSet row) throws SQLException {
            rule = row.getInt("rule");
            String stored = row.getString("kind");
            kind = Arrays.stream(ConditionKind.values())
                    .filter(candidate -> candidate.wireName().equals(stored))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("unknown condition kind " + stored));
            attribute = row.getString("attribute");
            value = row.getString("json_value");
            pattern = row.getString("pattern");
        }

        Condition condition() {
            return new Condition(kind, attribute, value,
                    kind.operand() == ConditionKind.Operand.VALUES ? values : null, pattern);
        }
    }
}
