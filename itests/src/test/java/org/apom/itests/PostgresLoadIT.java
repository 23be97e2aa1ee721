package org.apom.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

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
        String cfg = "etc/org.ops4j.datasource-apom.cfg";
        return List.of(
                editConfigurationFilePut(cfg, "osgi.jdbc.driver.name", "PostgreSQL JDBC Driver"),
                editConfigurationFilePut(cfg, "url", TestPostgres.database("apom_load")),
                editConfigurationFilePut(cfg, "user", "postgres"),
                editConfigurationFilePut(cfg, "password", "postgres"));
    }
}
