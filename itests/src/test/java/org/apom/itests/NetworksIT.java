package org.apom.itests;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Networks and their grading on the embedded database. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NetworksIT extends NetworksContract {
}
