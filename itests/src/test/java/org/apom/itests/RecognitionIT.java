package org.apom.itests;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Recognition on the embedded database. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RecognitionIT extends RecognitionContract {
}
