package dev.gatehouse.adapters.inmemory;

import dev.gatehouse.ports.model.ConflictException;
import dev.gatehouse.ports.model.NotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The rows of one kind by primary key, with unique indexes kept in step; every write is undone if its unit of work
 * fails. Not thread-safe by itself: callers hold the {@link UnitOfWork}'s lock.
 *
 * @param <K> the primary key
 * @param <V> the immutable row
 */
final class Table<K, V> {

    private final String name;
    private final Function<V, K> primaryKey;
    private final UnitOfWork unitOfWork;
    private final Map<K, V> rows = new HashMap<>();
    private final List<UniqueIndex<K, V>> indexes = new ArrayList<>();

    Table(String name, Function<V, K> primaryKey, UnitOfWork unitOfWork) {
        this.name = name;
        this.primaryKey = primaryKey;
        this.unitOfWork = unitOfWork;
    }

    /** Adds a unique index on {@code keyOf}; rows whose key is null are not indexed, as SQL treats nulls. */
    UniqueIndex<K, V> uniqueIndex(String description, Function<V, ?> keyOf) {
        UniqueIndex<K, V> index = new UniqueIndex<>(description, keyOf);
        indexes.add(index);
        return index;
    }

    Optional<V> get(K key) {
        return Optional.ofNullable(rows.get(key));
    }

    boolean contains(K key) {
        return rows.containsKey(key);
    }

    Optional<V> findUnique(UniqueIndex<K, V> index, Object value) {
        K key = index.entries.get(value);
        return key == null ? Optional.empty() : Optional.of(rows.get(key));
    }

    /** The rows matching {@code filter} in no particular order, as a fresh unmodifiable list. */
    List<V> select(Predicate<? super V> filter) {
        return rows.values().stream().filter(filter).toList();
    }

    /** The rows matching {@code filter} in {@code order}, as a fresh unmodifiable list. */
    List<V> select(Predicate<? super V> filter, Comparator<? super V> order) {
        return rows.values().stream().filter(filter).sorted(order).toList();
    }

    /** Adds a row; throws {@link ConflictException} if its primary key or any unique key is taken. */
    void insert(V row) {
        K key = primaryKey.apply(row);
        if (rows.containsKey(key)) {
            throw new ConflictException(name + " " + key + " already exists");
        }
        requireUniqueKeysFree(row, key);
        put(key, row);
        unitOfWork.onRollback(() -> remove(key));
    }

    /** Replaces the row with the same primary key; {@link NotFoundException} if none, {@link ConflictException} if a unique key is taken. */
    void replace(V row) {
        K key = primaryKey.apply(row);
        V old = rows.get(key);
        if (old == null) {
            throw new NotFoundException(name + " " + key + " not found");
        }
        requireUniqueKeysFree(row, key);
        remove(key);
        put(key, row);
        unitOfWork.onRollback(() -> {
            remove(key);
            put(key, old);
        });
    }

    /** Removes the row; returns whether it existed. */
    boolean delete(K key) {
        V old = rows.get(key);
        if (old == null) {
            return false;
        }
        remove(key);
        unitOfWork.onRollback(() -> put(key, old));
        return true;
    }

    private void requireUniqueKeysFree(V row, K key) {
        for (UniqueIndex<K, V> index : indexes) {
            Object value = index.keyOf.apply(row);
            if (value == null) {
                continue;
            }
            K holder = index.entries.get(value);
            if (holder != null && !holder.equals(key)) {
                throw new ConflictException(name + " " + index.description + " is already taken");
            }
        }
    }

    private void put(K key, V row) {
        rows.put(key, row);
        for (UniqueIndex<K, V> index : indexes) {
            Object value = index.keyOf.apply(row);
            if (value != null) {
                index.entries.put(value, key);
            }
        }
    }

    private void remove(K key) {
        V old = rows.remove(key);
        for (UniqueIndex<K, V> index : indexes) {
            Object value = index.keyOf.apply(old);
            if (value != null) {
                index.entries.remove(value);
            }
        }
    }

    /** A unique index of a table: which primary key holds each non-null key value. */
    static final class UniqueIndex<K, V> {
        private final String description;
        private final Function<V, ?> keyOf;
        private final Map<Object, K> entries = new HashMap<>();

        private UniqueIndex(String description, Function<V, ?> keyOf) {
            this.description = description;
            this.keyOf = keyOf;
        }
    }
}
