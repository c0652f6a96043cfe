// Samut Songkhram (สมุทรสงคราม, DOPA province code 75): districts and local organisations (อปท.).
//
// Pure data, no imports. Names were checked against the public sources given in `source`.
// Entries with nameConfirmed:false are placeholders: they fill the expected slots but their
// name and/or type could not be confirmed. Replace this list with DLA's official อปท. code
// list (รหัส อปท.) before production use.
//
// Counts:
//  - DOPA, Dec 2560 (LDD land-use plan, table 2-1): 1 อบจ., 1 ทม., 8 ทต., 26 อบต. = 36 อปท.
//    (เมือง: 1 ทม. + 1 ทต. + 9 อบต.; อัมพวา: 3 ทต. + 10 อบต.; บางคนที: 4 ทต. + 7 อบต.)
//    http://webapp.ldd.go.th/lpd/node_modules/img/Download/zonmap/zonmap2/province/แผนการใช้ที่ดินจังหวัดสมุทรสงคราม/files/basic-html/page19.html
//  - The provincial Election Commission reported elections in "21 of all 22" อบต. in January 2026
//    (https://mgronline.com/local/detail/9690000003379). So about 4 of the 26 อบต. of 2560 have
//    since become เทศบาลตำบล. We could not tell which ones, so the list below follows the 2560
//    structure (26 อบต.). Some unconfirmed อบต. entries are probably เทศบาลตำบล today.
//
// DLA codes: only ทม.สมุทรสงคราม (04750102, Thai Wikipedia infobox) was found. Every other
// organisation has an invented code "DEMO-<district>-<nn>" with codeConfirmed:false.
//
// typeHistory: earlier types only (the current type is `type`). `validTo` is the last day
// (inclusive) on which the earlier type applied; the current type starts the next day.

export type OrganizationTypeCode =
  | "PAO"
  | "CITY_MUNICIPALITY"
  | "TOWN_MUNICIPALITY"
  | "SUBDISTRICT_MUNICIPALITY"
  | "SAO";

export type OrganizationSeed = {
  dlaCode: string; // 8-digit DLA code (รหัส อปท.) when known; otherwise an invented placeholder "DEMO-7501-01"
  codeConfirmed: boolean;
  nameTh: string; // full official name
  type: OrganizationTypeCode;
  districtCode: string; // DOPA district code of the office's location
  nameConfirmed: boolean; // true only if the name was confirmed from a public source
  source?: string; // URL where confirmed
  typeHistory?: { type: OrganizationTypeCode; nameTh: string; validFrom: string; validTo?: string }[];
};

// Public sources used more than once.
const SRC_MUANGMAI =
  "http://www.muangmaicity.go.th/site/index.php?option=com_content&view=article&id=47&Itemid=55"; // names ทต.เหมืองใหม่ and its neighbours อบต.บางสะแก, อบต.แควอ้อม, อบต.เหมืองใหม่, อบต.วัดประดู่
const SRC_ECT_2569 = "https://mgronline.com/local/detail/9690000003379"; // อบต. election results, Jan 2026

const organizations: OrganizationSeed[] = [
  // ───────────── 7501 เมืองสมุทรสงคราม ─────────────
  {
    dlaCode: "DEMO-7501-01",
    codeConfirmed: false,
    nameTh: "องค์การบริหารส่วนจังหวัดสมุทรสงคราม",
    type: "PAO",
    districtCode: "7501",
    nameConfirmed: true,
    source: "https://skm-pao.go.th/content-42.html",
  },
  {
    dlaCode: "04750102",
    codeConfirmed: true,
    nameTh: "เทศบาลเมืองสมุทรสงคราม",
    type: "TOWN_MUNICIPALITY",
    districtCode: "7501",
    nameConfirmed: true,
    source:
      "https://th.wikipedia.org/wiki/%E0%B9%80%E0%B8%97%E0%B8%A8%E0%B8%9A%E0%B8%B2%E0%B8%A5%E0%B9%80%E0%B8%A1%E0%B8%B7%E0%B8%AD%E0%B8%87%E0%B8%AA%E0%B8%A1%E0%B8%B8%E0%B8%97%E0%B8%A3%E0%B8%AA%E0%B8%87%E0%B8%84%E0%B8%A3%E0%B8%B2%E0%B8%A1",
  },
  {
    dlaCode: "DEMO-7501-02",
    codeConfirmed: false,
    nameTh: "เทศบาลตำบลบางจะเกร็ง",
    type: "SUBDISTRICT_MUNICIPALITY",
    districtCode: "7501",
    nameConfirmed: true,
    source: "http://thesabanupdates.blogspot.com/2012/05/meeting-332012-board-1.html",
    typeHistory: [
      {
        type: "SAO",
        nameTh: "องค์การบริหารส่วนตำบลบางจะเกร็ง",
        // The source gives only the year the TAO was created (1996 = พ.ศ. 2539); day and month are placeholders.
        validFrom: "1996-01-01",
        validTo: "2012-08-30", // upgraded to เทศบาลตำบล effective 2012-08-31
      },
    ],
  },
  {
    dlaCode: "DEMO-7501-03",
    codeConfirmed: false,
    nameTh: "องค์การบริหารส่วนตำบลท้ายหาด", // the seed report's organisation
    type: "SAO",
    districtCode: "7501",
    nameConfirmed: true,
    source: "https://thaihad.go.th/data.php?content_id=2",
  },
  {
    dlaCode: "DEMO-7501-04",
    codeConfirmed: false,
    nameTh: "องค์การบริหารส่วนตำบลลาดใหญ่",
    type: "SAO",
    districtCode: "7501",
    nameConfirmed: true,
    source: SRC_ECT_2569,
  },
  {
    dlaCode: "DEMO-7501-05",
    codeConfirmed: false,
    nameTh: "องค์การบริหารส่วนตำบลบางแก้ว",
    type: "SAO",
    districtCode: "7501",
    nameConfirmed: true,
    source: SRC_ECT_2569,
  },
  {
    dlaCode: "DEMO-7501-06",
    codeConfirmed: false,
    nameTh: "องค์การบริหารส่วนตำบลนางตะเคียน",
    type: "SAO",
    districtCode: "7501",
    nameConfirmed: true,
    source: "https://www.skm-pao.go.th/content-43-1750.html",
  },
  // Unconfirmed: one อบต. per remaining ตำบล of the district (the 2560 count of 9 อบต. matches).
  { dlaCode: "DEMO-7501-07", codeConfirmed: false, nameTh: "องค์การบริหารส่วนตำบลบางขันแตก", type: "SAO", districtCode: "7501", nameConfirmed: false },
  { dlaCode: "DEMO-7501-08", codeConfirmed: false, nameTh: "องค์การบริหารส่วนตำบลบ้านปรก", type: "SAO", districtCode: "7501", nameConfirmed: false },
  { dlaCode: "DEMO-7501-09", codeConfirmed: false, nameTh: "องค์การบริหารส่วนตำบลแหลมใหญ่", type: "SAO", districtCode: "7501", nameConfirmed: false },
  { dlaCode: "DEMO-7501-10", codeConfirmed: false, nameTh: "องค์การบริหารส่วนตำบลคลองเขิน", type: "SAO", districtCode: "7501", nameConfirmed: false },
  { dlaCode: "DEMO-7501-11", codeConfirmed: false, nameTh: "องค์การบริหารส่วนตำบลคลองโคน", type: "SAO", districtCode: "7501", nameConfirmed: false },

  // ───────────── 7502 บางคนที ─────────────
  {
    dlaCode: "DEMO-7502-01",
    codeConfirmed: false,
    nameTh: "เทศบาลตำบลกระดังงา",
    type: "SUBDISTRICT_MUNICIPALITY",
    districtCode: "7502",
    nameConfirmed: true,
    source:
      "https://th.m.wikipedia.org/wiki/%E0%B9%80%E0%B8%97%E0%B8%A8%E0%B8%9A%E0%B8%B2%E0%B8%A5%E0%B8%95%E0%B8%B3%E0%B8%9A%E0%B8%A5%E0%B8%81%E0%B8%A3%E0%B8%B0%E0%B8%94%E0%B8%B1%E0%B8%87%E0%B8%87%E0%B8%B2",
  },
  {
    dlaCode: "DEMO-7502-02",
    codeConfirmed: false,
    nameTh: "เทศบาลตำบลบางนกแขวก",
    type: "SUBDISTRICT_MUNICIPALITY",
    districtCode: "7502",
    nameConfirmed: true,
    source:
      "https://th.m.wikipedia.org/wiki/%E0%B9%80%E0%B8%97%E0%B8%A8%E0%B8%9A%E0%B8%B2%E0%B8%A5%E0%B8%95%E0%B8%B3%E0%B8%9A%E0%B8%A5%E0%B8%9A%E0%B8%B2%E0%B8%87%E0%B8%99%E0%B8%81%E0%B9%81%E0%B8%82%E0%B8%A7%E0%B8%81",
  },
  {
    // Probably an upgraded อบต.บางยี่รงค์; the upgrade date was not found, so no typeHistory.
    dlaCode: "DEMO-7502-03",
    codeConfirmed: false,
    nameTh: "เทศบาลตำบลบางยี่รงค์",
    type: "SUBDISTRICT_MUNICIPALITY",
    districtCode: "7502",
    nameConfirmed: true,
    source:
      "https://th.m.wikipedia.org/wiki/%E0%B8%95%E0%B8%B3%E0%B8%9A%E0%B8%A5%E0%B8%9A%E0%B8%B2%E0%B8%87%E0%B8%A2%E0%B8%B5%E0%B9%88%E0%B8%A3%E0%B8%87%E0%B8%84%E0%B9%8C",
  },
  {
    dlaCode: "DEMO-7502-04",
    codeConfirmed: false,
    nameTh: "องค์การบริหารส่วนตำบลบางสะแก",
    type: "SAO",
    districtCode: "7502",
    nameConfirmed: true,
    source: SRC_MUANGMAI,
  },
  {
    dlaCode: "DEMO-7502-05",
    codeConfirmed: false,
    nameTh: "องค์การบริหารส่วนตำบลดอนมะโนรา",
    type: "SAO",
    districtCode: "7502",
    nameConfirmed: true,
    source: "https://skm-pao.go.th/content-43-1281.html",
  },
  // Unconfirmed. The DOPA 2560 count gives 4 ทต. and 7 อบต. for 13 ตำบล, so some อบต. cover more
  // than one ตำบล. We could not find which; ตำบลบางคนที, โรงหีบ and บ้านปราโมทย์ are left out here.
  {
    dlaCode: "DEMO-7502-06",
    codeConfirmed: false,
    nameTh: "เทศบาลตำบล (ชื่อรอยืนยัน) อำเภอบางคนที", // 4th ทต. per the 2560 count; name unknown
    type: "SUBDISTRICT_MUNICIPALITY",
    districtCode: "7502",
    nameConfirmed: false,
  },
  { dlaCode: "DEMO-7502-07", codeConfirmed: false, nameTh: "องค์การบริหารส่วนตำบลบางพรม", type: "SAO", districtCode: "7502", nameConfirmed: false },
  { dlaCode: "DEMO-7502-08", codeConfirmed: false, nameTh: "องค์การบริหารส่วนตำบลบางกุ้ง", type: "SAO", districtCode: "7502", nameConfirmed: false },
  { dlaCode: "DEMO-7502-09", codeConfirmed: false, nameTh: "องค์การบริหารส่วนตำบลจอมปลวก", type: "SAO", districtCode: "7502", nameConfirmed: false },
  { dlaCode: "DEMO-7502-10", codeConfirmed: false, nameTh: "องค์การบริหารส่วนตำบลยายแพง", type: "SAO", districtCode: "7502", nameConfirmed: false },
  { dlaCode: "DEMO-7502-11", codeConfirmed: false, nameTh: "องค์การบริหารส่วนตำบลบางกระบือ", type: "SAO", districtCode: "7502", nameConfirmed: false },

  // ───────────── 7503 อัมพวา ─────────────
  {
    dlaCode: "DEMO-7503-01",
    codeConfirmed: false,
    nameTh: "เทศบาลตำบลอัมพวา",
    type: "SUBDISTRICT_MUNICIPALITY",
    districtCode: "7503",
    nameConfirmed: true,
    source: "http://amphawa.go.th/page/contents/history/",
  },
  {
    dlaCode: "DEMO-7503-02",
    codeConfirmed: false,
    nameTh: "เทศบาลตำบลเหมืองใหม่",
    type: "SUBDISTRICT_MUNICIPALITY",
    districtCode: "7503",
    nameConfirmed: true,
    source: SRC_MUANGMAI,
  },
  {
    dlaCode: "DEMO-7503-03",
    codeConfirmed: false,
    nameTh: "องค์การบริหารส่วนตำบลแควอ้อม",
    type: "SAO",
    districtCode: "7503",
    nameConfirmed: true,
    source: "http://kwaeom.go.th/default.php?bmodules=html&html=general",
  },
  {
    dlaCode: "DEMO-7503-04",
    codeConfirmed: false,
    nameTh: "องค์การบริหารส่วนตำบลเหมืองใหม่", // covers the part of ตำบลเหมืองใหม่ outside ทต.เหมืองใหม่
    type: "SAO",
    districtCode: "7503",
    nameConfirmed: true,
    source: SRC_MUANGMAI,
  },
  {
    dlaCode: "DEMO-7503-05",
    codeConfirmed: false,
    nameTh: "องค์การบริหารส่วนตำบลวัดประดู่",
    type: "SAO",
    districtCode: "7503",
    nameConfirmed: true,
    source: SRC_MUANGMAI,
  },
  {
    dlaCode: "DEMO-7503-06",
    codeConfirmed: false,
    nameTh: "องค์การบริหารส่วนตำบลบางแค",
    type: "SAO",
    districtCode: "7503",
    nameConfirmed: true,
    source: "https://www.gotoknow.org/posts/701190", // a public page profiling the อบต.; secondary source
  },
  // Unconfirmed. The 2560 count gives 3 ทต. + 10 อบต. for 12 ตำบล. ตำบลบางนางลี่ is left out:
  // its อปท. (อบต. or the unknown 3rd ทต.) was not confirmed.
  {
    dlaCode: "DEMO-7503-07",
    codeConfirmed: false,
    nameTh: "เทศบาลตำบล (ชื่อรอยืนยัน) อำเภออัมพวา", // 3rd ทต. per the 2560 count; name unknown
    type: "SUBDISTRICT_MUNICIPALITY",
    districtCode: "7503",
    nameConfirmed: false,
  },
  { dlaCode: "DEMO-7503-08", codeConfirmed: false, nameTh: "องค์การบริหารส่วนตำบลสวนหลวง", type: "SAO", districtCode: "7503", nameConfirmed: false },
  { dlaCode: "DEMO-7503-09", codeConfirmed: false, nameTh: "องค์การบริหารส่วนตำบลท่าคา", type: "SAO", districtCode: "7503", nameConfirmed: false },
  { dlaCode: "DEMO-7503-10", codeConfirmed: false, nameTh: "องค์การบริหารส่วนตำบลบางช้าง", type: "SAO", districtCode: "7503", nameConfirmed: false },
  { dlaCode: "DEMO-7503-11", codeConfirmed: false, nameTh: "องค์การบริหารส่วนตำบลปลายโพงพาง", type: "SAO", districtCode: "7503", nameConfirmed: false },
  { dlaCode: "DEMO-7503-12", codeConfirmed: false, nameTh: "องค์การบริหารส่วนตำบลแพรกหนามแดง", type: "SAO", districtCode: "7503", nameConfirmed: false },
  { dlaCode: "DEMO-7503-13", codeConfirmed: false, nameTh: "องค์การบริหารส่วนตำบลยี่สาร", type: "SAO", districtCode: "7503", nameConfirmed: false },
];

export const samutSongkhram: {
  province: { code: "75"; abbreviation: "สส"; nameTh: "สมุทรสงคราม" };
  districts: { code: string; nameTh: string }[];
  organizations: OrganizationSeed[];
} = {
  province: { code: "75", abbreviation: "สส", nameTh: "สมุทรสงคราม" },
  // DOPA geocodes: 7501 (en.wikipedia Mueang Samut Songkhram district), 7502 (de.wikipedia Amphoe
  // Bang Khonthi; geonames ADM2 7502), 7503 (th.wikipedia อำเภออัมพวา, รหัสภูมิศาสตร์ 7503).
  districts: [
    { code: "7501", nameTh: "เมืองสมุทรสงคราม" },
    { code: "7502", nameTh: "บางคนที" },
    { code: "7503", nameTh: "อัมพวา" },
  ],
  organizations,
};
