package org.apom.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.apom.core.api.problem.ProblemException;
import org.junit.jupiter.api.Test;

class FileDecodingTest {

    private static final String TEXT = "national_id,first_name\r\n3100600445635,สมชาย\r\n";
    private static final Charset WINDOWS_874 = Charset.forName("x-windows-874");

    @Test
    void readsUtf8WithAndWithoutItsByteOrderMark() {
        byte[] plain = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, plain);
        assertEquals(new FileDecoding.Decoded(TEXT, "UTF-8"), FileDecoding.decode(plain));
        assertEquals(new FileDecoding.Decoded(TEXT, "UTF-8"), FileDecoding.decode(withBom));
    }

    @Test
    void detectsTis620AndReadsItsThaiRight() {
        byte[] tis = TEXT.getBytes(WINDOWS_874);
        assertEquals(new FileDecoding.Decoded(TEXT, "windows-874"), FileDecoding.decode(tis));
    }

    @Test
    void readsUtf16WithItsByteOrderMark() {
        assertEquals(TEXT, FileDecoding.decode(TEXT.getBytes(StandardCharsets.UTF_16)).text());
    }

    @Test
    void refusesThaiThatWasDecodedWronglyOnceAlready() {
        // what a province's tool makes of a UTF-8 file it opened as TIS-620 and saved again as UTF-8
        String misread = new String(TEXT.getBytes(StandardCharsets.UTF_8), WINDOWS_874);
        assertTrue(misread.contains("เธชเธก"), misread);
        ProblemException e = assertThrows(ProblemException.class,
                () -> FileDecoding.decode(misread.getBytes(StandardCharsets.UTF_8)));
        assertEquals(422, e.status());
        assertEquals("mis-encoded", e.code());
        assertTrue(e.detail().en().contains("Line 2"), e.detail().en());
    }

    @Test
    void refusesBytesThatAreNeitherUtf8NorTis620() {
        byte[] bytes = {'a', ',', (byte) 0xFC, (byte) 0xFD, '\n'};
        ProblemException e = assertThrows(ProblemException.class, () -> FileDecoding.decode(bytes));
        assertEquals("unknown-encoding", e.code());
    }

    @Test
    void refusesAUtf8ByteOrderMarkBeforeBytesThatAreNotUtf8() {
        byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, TEXT.getBytes(WINDOWS_874));
        assertEquals("unknown-encoding", assertThrows(ProblemException.class, () -> FileDecoding.decode(bytes)).code());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
