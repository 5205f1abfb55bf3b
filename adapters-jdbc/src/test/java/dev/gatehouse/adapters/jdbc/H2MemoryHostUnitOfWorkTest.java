package dev.gatehouse.adapters.jdbc;

/** Changes inside a host's unit of work on in-memory H2, which announces them to no other instance. */
class H2MemoryHostUnitOfWorkTest extends HostUnitOfWorkContract {

    @Override
    JdbcStorage newStorage() {
        return JdbcStorage.h2InMemory();
    }
}
