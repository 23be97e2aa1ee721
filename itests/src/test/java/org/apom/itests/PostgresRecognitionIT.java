package org.apom.itests;

import java.util.List;

import org.apom.itests.support.TestPostgres;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Recognition on a real PostgreSQL, which the test starts itself: the quota's row lock is PostgreSQL's there. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PostgresRecognitionIT extends RecognitionContract {

    @Override
    protected List<Option> databaseOptions() {
        return TestPostgres.datasource(TestPostgres.database("apom_recognition"));
    }
}
