package org.apom.itests;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The load contract on the embedded database, as shipped. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DerbyLoadIT extends LoadContract {
}
