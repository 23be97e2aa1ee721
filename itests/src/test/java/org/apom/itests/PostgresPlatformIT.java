package org.apom.itests;

import java.util.List;

import org.apom.itests.support.TestPostgres;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The same contract on a real PostgreSQL, which this test starts itself (outside the container, in the test
 * JVM) and hands to the platform through the one datasource configuration file, as production does.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PostgresPlatformIT extends PlatformContract {

    @Override
    protected String expectedDatabaseProduct() {
        return "PostgreSQL";
    }

    @Override
    protected List<Option> databaseOptions() {
        // a database of its own, made again for each container: Failsafe's rerun of a failed test starts a new
        // container, which must not meet the first one's tables (its guarded files' records said DOWN)
        return TestPostgres.datasource(TestPostgres.database("apom_platform"));
    }
}
