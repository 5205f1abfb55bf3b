package dev.gatehouse.adapters.jdbc;

/** The JDBC unit-of-work behaviour on in-memory H2. */
class H2MemoryUnitOfWorkTest extends UnitOfWorkContract {

    @Override
    JdbcStorage newStorage() {
        return JdbcStorage.h2InMemory();
    }
}
