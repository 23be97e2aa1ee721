package org.apom.itests;

import java.util.List;

import org.apom.itests.support.TestPostgres;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The load contract on a real PostgreSQL, in a database of its own on the tests' server. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PostgresLoadIT extends LoadContract {

    @Override
    protected List<Option> databaseOptions() {
        return TestPostgres.datasource(TestPostgres.database("apom_load"));
    }
}
