package org.apom.itests;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The platform as shipped: embedded Derby, nothing configured. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DerbyPlatformIT extends PlatformContract {

    @Override
    protected String expectedDatabaseProduct() {
        return "Apache Derby";
    }
}
