package org.apom.recognition.internal.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PDF read as a person would: rendered to PNG (kept in target/dossier for a look), and its text extracted the
 * way a reader copies it, which must give the Thai back exactly.
 */
class DossierPdfTest {

    private static final Path PAGES = Path.of("target", "dossier");

    @TempDir
    static Path fonts;

    private static DossierPdf pdf;

    @BeforeAll
    static void fonts() {
        pdf = new DossierPdf(name -> fonts.resolve(name));
    }

    @Test
    void aCoverPageThenOnePagePerNomineeWithEverythingTheCommitteeWeighs() throws IOException {
        List<DossierEntry> entries = List.of(Dossiers.entry("nom-1", "น้ำผึ้ง", "ปิ่นทอง", true),
                Dossiers.entry("nom-2", "ญาณี", "ฤทธิ์ฤๅชัย", false));
        try (PDDocument document = Loader.loadPDF(write(entries))) {
            assertEquals(3, document.getNumberOfPages());
            String cover = text(document, 1);
            assertTrue(cover.contains("ปีงบประมาณ 2569"), cover);
            assertTrue(cover.contains("นางสาวน้ำผึ้ง ปิ่นทอง"), cover);
            assertTrue(cover.contains("2 คน"), cover);

            String first = text(document, 2);
            for (String expected : List.of("นางสาวน้ำผึ้ง ปิ่นทอง", "จังหวัดเชียงใหม่", "1 ต.ค. 2555",
                    "อายุการทำงาน 13 ปี", "ประธาน", "เครือข่าย อพม. ตำบลป่าแดด (ระดับตำบล)",
                    "2569 9 12.5 40", "รวม 35 62.5 200",
                    "เหรียญเงินดิเรกคุณาภรณ์ (ร.ง.ภ.)", "ปีงบประมาณ 2563", "เล่ม 137 ตอนที่ 12 ข",
                    "เหรียญทองดิเรกคุณาภรณ์ (ร.ท.ภ.)", "รับรองโดย admin50 เมื่อ 15 ม.ค. 2569",
                    "จังหวัดเชียงใหม่รับรองว่าเป็นผู้มีความประพฤติดี", "จังหวัดรับรองแล้ว รอกระทรวงพิจารณา")) {
                assertTrue(first.contains(expected), () -> "page 2 lacks \"" + expected + "\":\n" + first);
            }
            // the justification wraps over lines; read without the line ends, it is whole and in order
            assertTrue(first.replaceAll("\\s+", "").contains(Dossiers.JUSTIFICATION.replaceAll("\\s+", "")), first);
            String second = text(document, 3);
            assertTrue(second.contains("นางสาวญาณี ฤทธิ์ฤๅชัย"), second);
            assertTrue(second.contains("ยังไม่เคยได้รับเครื่องราชอิสริยาภรณ์ดิเรกคุณาภรณ์"), second);

            for (PDFont font : fontsOf(document)) {
                assertTrue(font.isEmbedded(), font.getName() + " is not embedded");
            }
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(1, 100);
            Files.createDirectories(PAGES);
            ImageIO.write(page, "png", PAGES.resolve("nominee-page.png").toFile());
            assertTrue(inkShare(page) > 0.01, "the nominee's page renders nearly blank");
        }
    }

    @Test
    void aJustificationOfAThousandLinesKeepsTheNomineeToAboutAPage() throws IOException {
        DossierEntry e = Dossiers.entry("nom-long", "สมชาย", "ยาวมาก", false);
        var n = e.nomination();
        var longOne = new org.apom.recognition.api.Nomination(n.id(), n.awardCode(), n.volunteerId(), n.province(),
                n.fiscalYear(), n.awardClass(), "ก\n".repeat(2000), n.status(), null, null, n.createdBy(),
                n.createdAt(), n.version(), n.history());
        DossierEntry hostile = new DossierEntry(longOne, e.provinceName(), e.title(), e.firstName(), e.lastName(),
                e.registeredOn(), e.yearsOfService(), e.positions(), e.years(), null, null, e.classRequested(),
                e.endorsement());
        try (PDDocument document = Loader.loadPDF(write(List.of(hostile)))) {
            assertTrue(document.getNumberOfPages() <= 3, document.getNumberOfPages() + " pages");
            String text = text(document, 2) + text(document, document.getNumberOfPages());
            assertTrue(text.contains("ข้อความเต็ม 4000 ตัวอักษร อยู่ในแฟ้ม CSV"), text);
        }
    }

    @Test
    void anEmptyDossierIsACoverPageThatSaysSo() throws IOException {
        try (PDDocument document = Loader.loadPDF(write(List.of()))) {
            assertEquals(1, document.getNumberOfPages());
            assertTrue(text(document, 1).contains("0 คน"));
        }
    }

    @Test
    void dossiersWrittenAtOnceDoNotMixTheirNominees() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> pages = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String name = "สมศรี" + i;
                pages.add(pool.submit(() -> {
                    try (PDDocument d = Loader.loadPDF(write(List.of(Dossiers.entry("n" + name, name, "ใจดี", false))))) {
                        return text(d, 2);
                    }
                }));
            }
            for (int i = 0; i < pages.size(); i++) {
                String page = pages.get(i).get();
                assertTrue(page.contains("นางสาวสมศรี" + i + " ใจดี"), page);
                assertFalse(page.contains("สมศรี" + (i + 1) + " "), page);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] write(List<DossierEntry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdf.write(entries, Dossiers.query(), "admin-central", Instant.parse("2026-02-01T03:00:00Z"), out);
        return out.toByteArray();
    }

    private static String text(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        // dates are printed with no-break spaces, so that no line end parts them
        return stripper.getText(document).replace('\u00A0', ' ');
    }

    private static List<PDFont> fontsOf(PDDocument document) throws IOException {
        List<PDFont> found = new ArrayList<>();
        for (var page : document.getPages()) {
            for (var name : page.getResources().getFontNames()) {
                found.add(page.getResources().getFont(name));
            }
        }
        assertFalse(found.isEmpty(), "no fonts on the pages");
        return found;
    }

    private static double inkShare(BufferedImage image) {
        long dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int grey = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
                dark += grey < 128 ? 1 : 0;
            }
        }
        return (double) dark / ((long) image.getWidth() * image.getHeight());
    }
}
