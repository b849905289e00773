package com.mspimporter.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class DiskFlushTest {

    @Test
    void flushRunsCheckpointOnH2() throws SQLException {
        CountingDataSource dataSource = new CountingDataSource(null, 0);
        DiskFlush diskFlush = new DiskFlush(dataSource);

        diskFlush.flush();
        diskFlush.flush();

        assertThat(dataSource.checkpoints()).isEqualTo(2);
    }

    @Test
    void flushDoesNothingOnOtherDatabases() throws SQLException {
        CountingDataSource dataSource = new CountingDataSource("PostgreSQL", 0);
        DiskFlush diskFlush = new DiskFlush(dataSource);

        diskFlush.flush();

        assertThat(dataSource.checkpoints()).isZero();
        assertThat(dataSource.statements()).isZero();
    }

    @Test
    void waitingCallersShareOneCheckpoint() throws Exception {
        // each checkpoint takes a second, so the callers that arrive during the first one all wait for it
        CountingDataSource dataSource = new CountingDataSource(null, 1000);
        DiskFlush diskFlush = new DiskFlush(dataSource);
        int callers = 8;
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            List<Future<?>> calls = new ArrayList<>();
            calls.add(threads.submit(diskFlush::flush));
            assertThat(dataSource.firstCheckpointStarted.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 1; i < callers; i++) {
                calls.add(threads.submit(diskFlush::flush));
            }
            for (Future<?> call : calls) {
                call.get(30, TimeUnit.SECONDS);
            }
        }
        finally {
            threads.shutdownNow();
        }

        assertThat(dataSource.checkpoints()).as("checkpoints for %d flush calls", callers).isLessThan(callers);
        assertThat(dataSource.checkpoints()).as("checkpoints: the first call's and one after it")
                .isGreaterThanOrEqualTo(2);
    }

    /**
     * An in-memory H2 database whose statements are counted. It can report another product name and make
     * {@code CHECKPOINT} take longer.
     */
    private static final class CountingDataSource extends DriverManagerDataSource {

        private final String productName;
        private final long checkpointMillis;
        private final AtomicInteger checkpoints = new AtomicInteger();
        private final AtomicInteger statements = new AtomicInteger();
        final CountDownLatch firstCheckpointStarted = new CountDownLatch(1);

        CountingDataSource(String productName, long checkpointMillis) {
            super("jdbc:h2:mem:disk-flush-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
            this.productName = productName;
            this.checkpointMillis = checkpointMillis;
        }

        int checkpoints() {
            return checkpoints.get();
        }

        int statements() {
            return statements.get();
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = super.getConnection();
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
                    (proxy, method, args) -> {
                        Object result = invoke(connection, method, args);
                        if (result instanceof DatabaseMetaData metaData && productName != null) {
                            return metaDataNamed(metaData);
                        }
                        if (result instanceof Statement statement) {
                            statements.incrementAndGet();
                            return counted(statement);
                        }
                        return result;
                    });
        }

        private DatabaseMetaData metaDataNamed(DatabaseMetaData metaData) {
            return (DatabaseMetaData) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] { DatabaseMetaData.class }, (proxy, method, args) -> {
                        if (method.getName().equals("getDatabaseProductName")) {
                            return productName;
                        }
                        return invoke(metaData, method, args);
                    });
        }

        private Statement counted(Statement statement) {
            return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Statement.class },
                    (proxy, method, args) -> {
                        if (method.getName().equals("execute") && "CHECKPOINT".equals(args[0])) {
                            checkpoints.incrementAndGet();
                            firstCheckpointStarted.countDown();
                            Thread.sleep(checkpointMillis);
                        }
                        return invoke(statement, method, args);
                    });
        }

        private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args)
                throws Throwable {
            try {
                return method.invoke(target, args);
            }
            catch (InvocationTargetException ex) {
                throw ex.getCause();
            }
        }
    }
}
