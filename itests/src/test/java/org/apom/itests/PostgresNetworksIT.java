package org.apom.itests;

import java.util.List;

import org.apom.itests.support.TestPostgres;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Networks and their grading on a real PostgreSQL, which the test starts itself (a database of its own). */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PostgresNetworksIT extends NetworksContract {

    @Override
    protected List<Option> databaseOptions() {
        // a database of its own: the grading counts every network of the province it finds
        return TestPostgres.datasource(TestPostgres.database("apom_networks"));
    }
}
