package org.apom.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.apom.core.api.problem.ProblemException;
import org.junit.jupiter.api.Test;

class UploadedTextTest {

    private static final String TEXT = "national_id,first_name\r\n3100600445635,สมชาย\r\n";
    private static final Charset WINDOWS_874 = Charset.forName("x-windows-874");

    @Test
    void readsUtf8WithAndWithoutItsByteOrderMark() {
        byte[] plain = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, plain);
        assertEquals(new UploadedText(TEXT, "UTF-8"), UploadedText.decode(plain));
        assertEquals(new UploadedText(TEXT, "UTF-8"), UploadedText.decode(withBom));
    }

    @Test
    void detectsTis620AndReadsItsThaiRight() {
        byte[] tis = TEXT.getBytes(WINDOWS_874);
        assertEquals(new UploadedText(TEXT, "windows-874"), UploadedText.decode(tis));
    }

    @Test
    void readsUtf16WithItsByteOrderMark() {
        assertEquals(TEXT, UploadedText.decode(TEXT.getBytes(StandardCharsets.UTF_16)).text());
    }

    @Test
    void refusesThaiThatWasDecodedWronglyOnceAlready() {
        // what a province's tool makes of a UTF-8 file it opened as TIS-620 and saved again as UTF-8
        String misread = new String(TEXT.getBytes(StandardCharsets.UTF_8), WINDOWS_874);
        assertTrue(misread.contains("เธชเธก"), misread);
        ProblemException e = assertThrows(ProblemException.class,
                () -> UploadedText.decode(misread.getBytes(StandardCharsets.UTF_8)));
        assertEquals(422, e.status());
        assertEquals("mis-encoded", e.code());
        assertTrue(e.detail().en().contains("Line 2"), e.detail().en());
    }

    @Test
    void refusesBytesThatAreNeitherUtf8NorTis620() {
        byte[] bytes = {'a', ',', (byte) 0xFC, (byte) 0xFD, '\n'};
        ProblemException e = assertThrows(ProblemException.class, () -> UploadedText.decode(bytes));
        assertEquals("unknown-encoding", e.code());
    }

    @Test
    void refusesAUtf8ByteOrderMarkBeforeBytesThatAreNotUtf8() {
        byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, TEXT.getBytes(WINDOWS_874));
        assertEquals("unknown-encoding", assertThrows(ProblemException.class, () -> UploadedText.decode(bytes)).code());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
