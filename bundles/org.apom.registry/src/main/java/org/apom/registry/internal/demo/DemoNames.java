package org.apom.registry.internal.demo;

import java.util.List;

/** Common Thai names with their usual romanisation, for demo registers. */
final class DemoNames {

    record Name(String th, String en) {
    }

    static final List<Name> MEN = List.of(n("สมชาย", "Somchai"), n("สมศักดิ์", "Somsak"), n("ประเสริฐ", "Prasert"),
            n("วิชัย", "Wichai"), n("สุริยา", "Suriya"), n("อนุชา", "Anucha"), n("ธนากร", "Thanakorn"),
            n("กิตติ", "Kitti"), n("ชัยวัฒน์", "Chaiwat"), n("บุญมี", "Boonmee"), n("สมบัติ", "Sombat"),
            n("ณัฐพล", "Nattapon"), n("ปรีชา", "Preecha"), n("สุรชัย", "Surachai"), n("เอกชัย", "Ekkachai"));
    static final List<Name> WOMEN = List.of(n("สมหญิง", "Somying"), n("มาลี", "Malee"), n("สุดารัตน์", "Sudarat"),
            n("วันเพ็ญ", "Wanphen"), n("นภา", "Napha"), n("พรทิพย์", "Pornthip"), n("กาญจนา", "Kanchana"),
            n("อรุณี", "Arunee"), n("จันทร์เพ็ญ", "Chanphen"), n("ศิริพร", "Siriporn"), n("บุษบา", "Butsaba"),
            n("รัตนา", "Rattana"), n("สุภาพร", "Supaporn"), n("อำไพ", "Ampai"), n("ละเอียด", "La-iat"));
    static final List<Name> FAMILIES = List.of(n("ใจดี", "Jaidee"), n("รักไทย", "Rakthai"), n("ศรีสุข", "Srisuk"),
            n("บุญมา", "Boonma"), n("แก้วมณี", "Kaewmanee"), n("สุขสวัสดิ์", "Suksawat"), n("ทองดี", "Thongdee"),
            n("วงศ์สวัสดิ์", "Wongsawat"), n("พรหมมา", "Promma"), n("อินทร์แก้ว", "Inkaew"), n("คำแสน", "Khamsaen"),
            n("ศรีวงศ์", "Sriwong"), n("มีสุข", "Meesuk"), n("ชัยมงคล", "Chaimongkol"), n("จันทร์หอม", "Chanhom"),
            n("นาคสุข", "Naksuk"), n("ปัญญาดี", "Panyadee"), n("สายทอง", "Saithong"), n("บุญเรือง", "Boonrueang"),
            n("เพชรรัตน์", "Phetcharat"));

    private DemoNames() {
    }

    private static Name n(String th, String en) {
        return new Name(th, en);
    }
}
