package org.apom.recognition.internal.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apom.core.api.BuddhistEra;
import org.apom.core.api.ProvinceCode;
import org.apom.networks.api.CommitteePosition;
import org.apom.networks.api.NetworkLevel;
import org.apom.networks.api.NetworkPosition;
import org.apom.networks.api.ServiceYear;
import org.apom.recognition.api.Honour;
import org.apom.recognition.api.NominationStatus;
import org.apom.recognition.api.NominationStep;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.LayoutProcessor;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The dossier as a PDF for the screening committee: a cover page, then one page per nominee, in Thai, with the
 * Sarabun font embedded (SIL Open Font License, {@code fonts/OFL.txt} in this bundle). OpenPDF's layout processor
 * shapes the text with the JDK's OpenType engine, so tone marks sit above upper vowels as they should, and writes
 * each run's Unicode text beside its glyphs, so that copying or searching the PDF gives the Thai back.
 */
@Component(service = DossierPdf.class)
public final class DossierPdf {

    private static final float MARGIN = 56;
    private static final float WIDTH = PageSize.A4.getWidth() - 2 * MARGIN;
    private static final float LABEL_WIDTH = 150;
    private static final float PADDING = 5;
    /** Thai stacks marks above and below the line: it needs more room between lines than Latin. */
    private static final float LEADING = 1.5f;
    /**
     * The share of a cell's width the wrapping fills: the library measures a laid-out Thai line a little wider
     * than the sum of its characters' advances, and would cut a line that fits by that sum a second time.
     */
    private static final double FILL = 0.94;
    /** Lines of one cell at most (blank lines run together): a nominee's page stays about a page. */
    static final int MAX_LINES = 30;
    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    private static final Map<NominationStatus, String> STATUS = Map.of(NominationStatus.DRAFT, "ร่าง",
            NominationStatus.SUBMITTED, "จังหวัดเสนอแล้ว รอรับรอง", NominationStatus.ENDORSED,
            "จังหวัดรับรองแล้ว รอกระทรวงพิจารณา", NominationStatus.APPROVED, "กระทรวงเห็นชอบ",
            NominationStatus.CONFERRED, "ได้รับพระราชทานแล้ว", NominationStatus.REJECTED, "ไม่ผ่านการพิจารณา",
            NominationStatus.WITHDRAWN, "ถอนการเสนอ");
    private static final Map<CommitteePosition, String> SEAT = Map.of(CommitteePosition.CHAIR, "ประธาน",
            CommitteePosition.VICE_CHAIR, "รองประธาน", CommitteePosition.SECRETARY, "เลขานุการ",
            CommitteePosition.TREASURER, "เหรัญญิก", CommitteePosition.MEMBER, "กรรมการ");
    private static final Map<NetworkLevel, String> LEVEL = Map.of(NetworkLevel.SUBDISTRICT, "ระดับตำบล",
            NetworkLevel.DISTRICT, "ระดับอำเภอ", NetworkLevel.PROVINCE, "ระดับจังหวัด", NetworkLevel.NATIONAL,
            "ระดับประเทศ");

    static {
        // both switches are the library's own, for the whole framework: shaping, and the text beside the glyphs
        LayoutProcessor.enable();
        LayoutProcessor.setWriteActualText();
    }

    private final BaseFont regular;
    private final BaseFont bold;

    @Activate
    public DossierPdf(BundleContext context) {
        this(name -> context.getDataFile(name).toPath());
    }

    /** @param fontFiles where each font is copied as a file, which the layout processor reads it from */
    DossierPdf(Function<String, Path> fontFiles) {
        this.regular = font("Sarabun-Regular.ttf", fontFiles);
        this.bold = font("Sarabun-Bold.ttf", fontFiles);
    }

    /** Writes the dossier; {@code asked} says what was asked for, on the cover page. */
    public void write(List<DossierEntry> entries, DossierQuery asked, String askedBy, Instant at, OutputStream out) {
        Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setCloseStream(false);
            document.addTitle("Direkgunabhorn dossier " + asked.fiscalYear());
            document.addCreator("Apom");
            document.open();
            cover(document, entries, asked, askedBy, at);
            for (DossierEntry e : entries) {
                document.newPage();
                nominee(document, e);
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The dossier could not be laid out", e);
        }
    }

    private void cover(Document d, List<DossierEntry> entries, DossierQuery asked, String askedBy, Instant at)
            throws DocumentException {
        d.add(heading("บัญชีรายชื่อผู้ได้รับการเสนอขอพระราชทานเครื่องราชอิสริยาภรณ์ดิเรกคุณาภรณ์", 18));
        d.add(heading("ปีงบประมาณ " + asked.fiscalYear().buddhistYear() + "  "
                + (asked.province() == null ? "ทุกจังหวัด" : provinceOf(entries, asked.province())), 14));
        PdfPTable table = table();
        row(table, "สถานะที่รวมไว้", String.join(", ", asked.statuses().stream().sorted()
                .map(STATUS::get).toList()));
        row(table, "จำนวนผู้ได้รับการเสนอ", entries.size() + " คน (หน้าละหนึ่งคน ตั้งแต่หน้า 2)");
        row(table, "จัดทำโดย", askedBy + " เมื่อ " + date(at.atZone(BANGKOK).toLocalDate()));
        d.add(table);
        if (!entries.isEmpty()) {
            float[] widths = {30, 180, 90, WIDTH - 300};
            PdfPTable list = new PdfPTable(widths);
            list.setWidthPercentage(100);
            list.setSpacingBefore(12);
            List<String> headings = List.of("ที่", "ชื่อ–สกุล", "จังหวัด", "ชั้นที่ขอพระราชทาน");
            for (int c = 0; c < headings.size(); c++) {
                list.addCell(cell(headings.get(c), bold, 11, widths[c]));
            }
            int i = 1;
            for (DossierEntry e : entries) {
                list.addCell(cell(String.valueOf(i++), regular, 11, widths[0]));
                list.addCell(cell(e.fullName(), regular, 11, widths[1]));
                list.addCell(cell(e.provinceName(), regular, 11, widths[2]));
                list.addCell(cell(e.classRequested() == null ? "-" : e.classRequested().th(), regular, 11,
                        widths[3]));
            }
            d.add(list);
        }
    }

    private void nominee(Document d, DossierEntry e) throws DocumentException {
        d.add(heading("แบบสรุปประวัติผู้ได้รับการเสนอขอพระราชทานเครื่องราชอิสริยาภรณ์ดิเรกคุณาภรณ์", 15));
        d.add(heading("ปีงบประมาณ " + e.nomination().fiscalYear() + "  จังหวัด" + e.provinceName(), 12));
        PdfPTable table = table();
        row(table, "ชื่อ–สกุล", e.fullName());
        row(table, "รหัสในทะเบียน Apom", e.nomination().volunteerId());
        row(table, "ขึ้นทะเบียนเป็น อพม.", e.registeredOn() == null ? "-"
                : date(e.registeredOn()) + "  (อายุการทำงาน " + e.yearsOfService()
                        + " ปี เมื่อสิ้นปีงบประมาณ " + e.nomination().fiscalYear() + ")");
        row(table, "ตำแหน่งในเครือข่าย", e.positions().isEmpty() ? "ไม่ได้เป็นสมาชิกเครือข่ายในปัจจุบัน"
                : String.join("\n", e.positions().stream().map(DossierPdf::position).toList()));
        table.addCell(cell("สรุปกิจกรรม", bold, 12, LABEL_WIDTH));
        PdfPCell years = new PdfPCell(activities(e));
        years.setPadding(PADDING);
        table.addCell(years);
        Honour previous = e.previous();
        row(table, "ชั้นที่เคยได้รับ", previous == null ? "ยังไม่เคยได้รับเครื่องราชอิสริยาภรณ์ดิเรกคุณาภรณ์"
                : e.previousClassName().th() + "  ปีงบประมาณ " + previous.fiscalYear()
                        + (previous.gazetteReference() == null ? "" : "  (ราชกิจจานุเบกษา "
                                + previous.gazetteReference() + ")"));
        row(table, "ชั้นที่ขอพระราชทาน", e.classRequested() == null ? "-" : e.classRequested().th());
        row(table, "เหตุผลในการเสนอ", e.nomination().justification() == null ? "-"
                : e.nomination().justification());
        NominationStep endorsed = e.endorsement();
        row(table, "การรับรองของจังหวัด", endorsed == null ? "จังหวัดยังไม่ได้รับรอง"
                : "รับรองโดย " + endorsed.by() + " เมื่อ " + date(endorsed.at().atZone(BANGKOK)
                        .toLocalDate()) + (endorsed.comment() == null ? "" : "\n" + endorsed.comment()));
        row(table, "สถานะ", STATUS.get(e.nomination().status()));
        d.add(table);
        Paragraph reference = new Paragraph("Apom · " + e.nomination().id(), new Font(regular, 8));
        reference.setSpacingBefore(8);
        d.add(reference);
    }

    /** The fiscal years of service, one row each, and their total. */
    private PdfPTable activities(DossierEntry e) {
        float[] widths = {90, 70, 70, WIDTH - LABEL_WIDTH - 2 * PADDING - 230};
        PdfPTable years = new PdfPTable(widths);
        years.setWidthPercentage(100);
        List<String> headings = List.of("ปีงบประมาณ", "กิจกรรม", "ชั่วโมง", "ผู้ได้รับประโยชน์ (คน)");
        for (int c = 0; c < headings.size(); c++) {
            years.addCell(cell(headings.get(c), bold, 11, widths[c]));
        }
        BigDecimal hours = BigDecimal.ZERO;
        int beneficiaries = 0;
        for (ServiceYear y : e.years()) {
            years.addCell(cell(String.valueOf(y.fiscalYear()), regular, 11, widths[0]));
            years.addCell(cell(String.valueOf(y.activities()), regular, 11, widths[1]));
            years.addCell(cell(y.hours().stripTrailingZeros().toPlainString(), regular, 11, widths[2]));
            years.addCell(cell(String.valueOf(y.beneficiaries()), regular, 11, widths[3]));
            hours = hours.add(y.hours());
            beneficiaries += y.beneficiaries();
        }
        years.addCell(cell("รวม", bold, 11, widths[0]));
        years.addCell(cell(String.valueOf(e.activities()), bold, 11, widths[1]));
        years.addCell(cell(hours.stripTrailingZeros().toPlainString(), bold, 11, widths[2]));
        years.addCell(cell(String.valueOf(beneficiaries), bold, 11, widths[3]));
        return years;
    }

    private static String position(NetworkPosition p) {
        return (p.seat() == null ? "สมาชิก" : SEAT.get(p.seat())) + "  " + p.networkName() + " ("
                + LEVEL.get(p.level()) + ") ตั้งแต่ " + date(p.memberSince());
    }

    /** A date as Thai offices print it, with spaces that no line end parts. */
    private static String date(LocalDate day) {
        return BuddhistEra.thaiDate(day).replace(' ', '\u00A0');
    }

    private static String provinceOf(List<DossierEntry> entries, ProvinceCode province) {
        return entries.stream().filter(e -> e.nomination().province().equals(province)).findFirst()
                .map(e -> "จังหวัด" + e.provinceName()).orElse("จังหวัดรหัส " + province.value());
    }

    private Paragraph heading(String text, float size) {
        Paragraph p = new Paragraph(size * LEADING, lines(text, bold, size, WIDTH), new Font(bold, size));
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingAfter(6);
        return p;
    }

    private PdfPTable table() {
        PdfPTable table = new PdfPTable(new float[] {LABEL_WIDTH, WIDTH - LABEL_WIDTH});
        table.setWidthPercentage(100);
        table.setSpacingBefore(10);
        return table;
    }

    private void row(PdfPTable table, String label, String value) {
        table.addCell(cell(label, bold, 12, LABEL_WIDTH));
        table.addCell(cell(value, regular, 12, WIDTH - LABEL_WIDTH));
    }

    private PdfPCell cell(String text, BaseFont font, float size, float width) {
        List<String> lines = ThaiLines.wrap(text.replaceAll("\\n\\s*\\n+", "\n"), (width - 2 * PADDING - 2) * FILL,
                s -> font.getWidthPoint(s, size));
        if (lines.size() > MAX_LINES) {
            // a text of a thousand short lines would be dozens of pages: the page shows its start, the CSV it all
            lines = new ArrayList<>(lines.subList(0, MAX_LINES));
            lines.add("… (ข้อความเต็ม " + text.length() + " ตัวอักษร อยู่ในแฟ้ม CSV)");
        }
        String wrapped = String.join("\n", lines);
        PdfPCell cell = new PdfPCell(new Phrase(wrapped, new Font(font, size)));
        cell.setLeading(0, LEADING);
        cell.setPadding(PADDING);
        cell.setBorderWidth(0.5f);
        return cell;
    }

    private static String lines(String text, BaseFont font, float size, double width) {
        return String.join("\n", ThaiLines.wrap(text, width * FILL, s -> font.getWidthPoint(s, size)));
    }

    private static BaseFont font(String name, Function<String, Path> fontFiles) {
        try (InputStream in = DossierPdf.class.getResourceAsStream("/fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("The bundle lacks its font " + name);
            }
            byte[] ttf = in.readAllBytes();
            Path file = fontFiles.apply(name);
            Files.write(file, ttf);
            // with the layout processor on, the library reads the font a second time, for the JDK, from this path
            return BaseFont.createFont(file.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, ttf, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException("The font " + name + " could not be read", e);
        }
    }
}
