package io.vigil.retention.schedule;

import io.vigil.error.VigilException;
import io.vigil.kernel.database.Database;
import io.vigil.kernel.database.DatabaseKind;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;
import org.quartz.simpl.SimpleThreadPool;
import org.quartz.spi.JobFactory;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's Quartz scheduler: a clustered JDBC job store ({@code QRTZ_*} tables) in the service's own
 * database, one worker thread, jobs built by Micronaut. Clustered with {@code instanceId=AUTO}, so nodes that
 * share the database (and the scheduler name) fire each trigger once between them; on one node it also means
 * a run left in flight by a crash is released when the crashed instance's check-in goes stale.
 *
 * <p>Injecting the {@link DataSource} orders this after Flyway: Micronaut's Flyway integration migrates a
 * DataSource (including {@code V8}, Quartz's tables) as the bean is created, before anyone is handed it.
 * Created in standby; {@link RetentionSchedule} starts it once the schedule is stored.
 */
@Singleton
public class ClusteredScheduler {

    /** The scheduler name ({@code SCHED_NAME}): nodes sharing the database must use the same one. */
    static final String NAME = "vigil";

    /** How long stopping the service waits for a run in flight before interrupting it. */
    static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    /**
     * A fire more than this late counts as missed and follows the trigger's misfire instruction, rather than
     * firing late. Kept short so a run that overruns its period does not leave a backlog of late fires.
     */
    static final long MISFIRE_THRESHOLD_MILLIS = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(ClusteredScheduler.class);

    private final Scheduler quartz;
    private final Database db;

    public ClusteredScheduler(DataSource dataSource, Database db, JobFactory jobFactory) throws SchedulerException {
        this.db = db;
        // Quartz keeps data sources and schedulers in JVM-wide registries: a fresh data source name per context,
        // and no silent reuse of another context's live scheduler (StdSchedulerFactory would hand it back).
        String dataSourceName = NAME + "-" + UUID.randomUUID();
        synchronized (ClusteredScheduler.class) {
            Scheduler other = SchedulerRepository.getInstance().lookup(NAME);
            if (other != null && !other.isShutdown()) {
                throw new SchedulerException("a Quartz scheduler named '" + NAME + "' already runs in this JVM");
            }
            DBConnectionManager.getInstance().addConnectionProvider(dataSourceName, new QuartzConnections(dataSource));
            quartz = new StdSchedulerFactory(properties(dataSourceName, DatabaseKind.of(dataSource))).getScheduler();
        }
        quartz.setJobFactory(jobFactory);
    }

    private static Properties properties(String dataSourceName, DatabaseKind database) {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", NAME);
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.scheduler.threadName", "quartz-scheduler");
        p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        p.setProperty("org.quartz.scheduler.interruptJobsOnShutdown", "true");
        // Quartz 2.5 has no update check (the phone-home UpdateChecker is gone), so there is nothing to switch off.
        p.setProperty("org.quartz.threadPool.class", SimpleThreadPool.class.getName());
        p.setProperty("org.quartz.threadPool.threadCount", "1");
        p.setProperty("org.quartz.threadPool.threadNamePrefix", "retention");
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        p.setProperty("org.quartz.jobStore.class", JobStoreTX.class.getName());
        // PostgreSQL's bytea is read with getBytes (PostgreSQLDelegate); H2's BINARY VARYING with getBlob.
        p.setProperty(
                "org.quartz.jobStore.driverDelegateClass",
                database == DatabaseKind.POSTGRESQL
                        ? PostgreSQLDelegate.class.getName()
                        : StdJDBCDelegate.class.getName());
        p.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(MISFIRE_THRESHOLD_MILLIS));
        // Job data as string properties, never Java-serialized objects (none is stored; this keeps it that way).
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        return p;
    }

    /** The Quartz scheduler, for scheduling; its lifecycle is this bean's. */
    public Scheduler quartz() {
        return quartz;
    }

    /** Starts firing triggers (from standby). */
    public void start() throws SchedulerException {
        quartz.start();
    }

    /**
     * Stops firing, waits up to {@link #SHUTDOWN_WAIT} until this instance holds no fired trigger (a run in flight
     * has completed in the job store, and a trigger acquired ahead of its fire time is released for the next
     * start or another node), then shuts down, interrupting a run that is still going.
     */
    @PreDestroy
    public void close() {
        try {
            quartz.standby();
            long deadline = System.nanoTime() + SHUTDOWN_WAIT.toNanos();
            while (holdsFiredTriggers() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            if (holdsFiredTriggers()) {
                LOG.warn("A retention run is still going after {} s; interrupting it", SHUTDOWN_WAIT.toSeconds());
            }
        } catch (SchedulerException | VigilException e) {
            LOG.warn("Stopping the retention scheduler: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                quartz.shutdown(false);
            } catch (SchedulerException e) {
                LOG.warn("Shutting down the retention scheduler: {}", e.getMessage());
            }
        }
    }

    /**
     * Whether this instance has a trigger acquired or executing. Quartz's shutdown leaves an acquired trigger
     * acquired (QuartzSchedulerThread only releases it on a schedule change, such as going to standby), and
     * nobody fires it until cluster recovery declares this instance dead, 15 s or more after its last check-in.
     */
    private boolean holdsFiredTriggers() throws SchedulerException {
        String instance = quartz.getSchedulerInstanceId();
        return db.query(
                                "SELECT COUNT(*) FROM QRTZ_FIRED_TRIGGERS WHERE SCHED_NAME = ? AND INSTANCE_NAME = ?",
                                rs -> rs.getLong(1),
                                NAME,
                                instance)
                        .get(0)
                > 0;
    }
}
