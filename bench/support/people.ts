/**
 * Generated arrivals for the benchmarks: people of the region's mixed movements into Tanzania, with
 * the spelling variation their names get from one registration to the next (Somali orthography,
 * English, French and Italian transliteration, dropped or doubled letters, diacritics, hyphens,
 * capitals). Everything is deterministic from a seed, so a person can be generated again from their
 * index instead of being kept in memory.
 */

/* ---------------------------------------------------------------------------------------------- */
/* Deterministic randomness                                                                        */
/* ---------------------------------------------------------------------------------------------- */

export type Rng = () => number;

/** mulberry32: a small, fast, well-mixed 32-bit generator. Returns [0, 1). */
export function rng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed for the n-th item of a stream, so items can be regenerated independently. */
export function seedOf(stream: number, n: number): number {
  let h = Math.imul(stream ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(n + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

export const int = (r: Rng, min: number, max: number): number => min + Math.floor(r() * (max - min + 1));
export const pick = <T>(r: Rng, items: readonly T[]): T => items[Math.floor(r() * items.length)];
export const chance = (r: Rng, p: number): boolean => r() < p;

export function weighted<T>(r: Rng, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let x = r() * total;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  return items[items.length - 1][0];
}

/* ---------------------------------------------------------------------------------------------- */
/* Name pools                                                                                      */
/* ---------------------------------------------------------------------------------------------- */

/**
 * One name with the spellings it is registered under, commonest first, separated by `|`. A space in a
 * spelling is a name written as two words (Gebre Medhin / Gebremedhin).
 */
type Pool = readonly string[];

const SOMALI_MEN: Pool = [
  'Mohamed|Mohammed|Muhammad|Maxamed|Mohamad|Mohammad|Muhamed|Mahamed',
  'Abdi|Abdy|Cabdi|Abdii',
  'Ahmed|Ahmad|Axmed|Ahmedd',
  'Hassan|Hasan|Xasan|Hassen',
  'Hussein|Husein|Xuseen|Hussain|Hussen',
  'Ali|Cali|Aly',
  'Omar|Cumar|Umar|Omer',
  'Yusuf|Yuusuf|Yousuf|Yusef',
  'Ibrahim|Ibraahim|Ebrahim',
  'Abdullahi|Cabdullaahi|Abdulahi|Abdullah',
  'Abdirahman|Cabdiraxmaan|Abdurahman|Abdulrahman|Abdi Rahman',
  'Abdulkadir|Cabdulqaadir|Abdulqadir|Abdikadir',
  'Ismail|Ismaaciil|Isma\'il|Ismael',
  'Osman|Cismaan|Cusmaan|Usman',
  'Farah|Faarax|Fara',
  'Hirsi|Xirsi|Hersi',
  'Jama|Jaamac|Jamac',
  'Warsame|Warsame|Warsami',
  'Nur|Nuur|Noor',
  'Aden|Aadan|Adan',
  'Said|Saciid|Saeed',
  'Mahad|Mahaad',
  'Guled|Guuleed|Guleed',
  'Bashir|Bashiir|Basheer',
  'Liban|Libaan',
  'Hamza|Xamza|Hamsa',
  'Mukhtar|Mukhtaar|Muktar',
  'Dahir|Daahir|Tahir',
  'Abdiwali|Cabdiwali|Abdiwaali',
  'Abdinasir|Cabdinaasir|Abdinaser',
  'Abdirizak|Cabdirisaaq|Abdirisak|Abdirazak',
  'Mustafa|Mustafe|Mustapha',
  'Suleiman|Suleymaan|Sulaiman|Suleyman',
  'Musa|Muuse|Moussa',
  'Isse|Ciise|Issa|Isa',
  'Elmi|Cilmi|Ilmi',
  'Egal|Cigaal|Igal',
  'Roble|Rooble',
  'Shire|Shiire',
  'Samatar|Samatar|Samater',
  'Yasin|Yaasiin|Yassin',
  'Duale|Dualeh|Ducaale',
  'Awale|Cawaale|Awaleh',
  'Gedi|Geedi',
  'Kahin|Kaahin',
  'Haji|Xaaji|Hajji',
  'Sheikh|Sheekh|Shekh',
  'Barre|Barre|Bare',
  'Abdulle|Cabdulle|Abdule',
  'Madar|Madar',
];

const SOMALI_WOMEN: Pool = [
  'Fatima|Faadumo|Fatuma|Fadumo|Fatma',
  'Amina|Aamina|Amiina|Aamino',
  'Halima|Xaliimo|Halimo|Haliima',
  'Khadija|Khadiijo|Hadija|Xadiija|Kadija',
  'Hawa|Xaawo|Hawo',
  'Asha|Caasha|Aisha|Aysha',
  'Sahra|Sahro|Zahra|Sahara',
  'Maryan|Mariam|Maryam|Maryama',
  'Hodan|Hodan|Hodon',
  'Ifrah|Ifrax|Ifra',
  'Ubah|Ubax|Ubaah',
  'Nasra|Nasro|Nasrah',
  'Sagal|Sagal',
  'Deeqa|Deka|Deqa',
  'Faiza|Faaiso|Fayza',
  'Safiya|Safiyo|Safia',
  'Luul|Lul',
  'Ayan|Ayaan',
  'Hibo|Hibaaq|Hiba',
  'Nimco|Nimo|Nimca',
  'Ruqiya|Ruqiyo|Rukia|Rukiya',
  'Sucdi|Suad|Sucaad',
  'Fardowsa|Fardawsa|Firdaus',
  'Idil|Idil',
  'Warsan|Warsan',
  'Hamdi|Xamdi',
  'Munira|Muniira|Munire',
  'Zamzam|Samsam',
  'Naima|Nacima|Naeema',
  'Istahil|Istaahil',
];

const ARABIC_MEN: Pool = [
  'Mohamed|Mohammed|Muhammad|Mohamad|Mohammad',
  'Ahmed|Ahmad',
  'Osman|Othman|Uthman|Usman',
  'Abdelrahman|Abdalrahman|Abdulrahman|Abderrahman',
  'Abdalla|Abdallah|Abdullah|Abdella',
  'Omer|Omar|Umar',
  'Ibrahim|Ebrahim',
  'Yousif|Yousef|Youssef|Yusuf',
  'Elsadig|Elsadiq|Al-Sadig|Sadig',
  'Hamid|Hamed|Haamid',
  'Adam|Adam',
  'Babiker|Babikir|Bakheit',
  'Elfatih|Al Fatih|Fatih',
  'Musa|Mousa|Moussa',
  'Ismail|Ismael',
  'Ali|Aly',
  'Salih|Saleh|Salah',
  'Mustafa|Mostafa',
  'Khalid|Khaled',
  'Hassan|Hasan',
];

const ARABIC_WOMEN: Pool = [
  'Fatima|Fatma|Fatimah',
  'Amna|Amina|Aamna',
  'Mariam|Maryam|Mariyam',
  'Khadija|Khadijah|Khadiga',
  'Hawa|Hawwa',
  'Aisha|Aysha|Aicha',
  'Nafisa|Nafeesa',
  'Sara|Sarah',
  'Samira|Sameera',
  'Huda|Hoda',
];

const ETHIOPIAN_MEN: Pool = [
  'Abebe|Abebe|Abbebe',
  'Kebede|Kebbede|Kebedde',
  'Tesfaye|Tesfay|Tesfai|Tesfaie',
  'Girma|Ghirma|Girmaa',
  'Haile|Hayle|Hailé',
  'Mekonnen|Mekonen|Makonnen',
  'Getachew|Getachewu|Getacho',
  'Tadesse|Tadese|Taddese',
  'Alemu|Alemu|Aleemu',
  'Bekele|Bekelle|Beqele',
  'Dawit|Dawitt|Dawid',
  'Solomon|Solomone|Selomon',
  'Yonas|Yonnas|Jonas',
  'Mulugeta|Mulugetta',
  'Berhanu|Birhanu|Brhanu',
  'Tilahun|Tilaahun',
  'Worku|Werku',
  'Hailu|Haylu',
  'Desta|Dessta',
  'Negash|Neggash|Nigussie',
  'Gebremedhin|Gebre Medhin|Ghebremedhin|Gebremedin',
  'Hailemariam|Haile Mariam|Haylemaryam',
  'Amanuel|Emmanuel|Amanual',
  'Biniam|Biniyam|Bineam',
  'Chala|Chaala|Cala',
  'Gemechu|Gemachu|Gemechew',
  'Lemma|Lema',
  'Tolosa|Tolossa',
  'Abdisa|Abdissa',
  'Dereje|Derejje',
  'Obsa|Obssa',
  'Kedir|Kadir|Qedir',
  'Jemal|Jamal|Jemaal',
  'Nuru|Nurru',
  'Hussen|Hussein|Husen',
  'Abdella|Abdela|Abdulla',
];

const ETHIOPIAN_WOMEN: Pool = [
  'Meron|Meroon',
  'Hiwot|Hewot|Hiywot',
  'Selam|Salam|Selamawit',
  'Tigist|Tigest|Tegist',
  'Almaz|Almaaz',
  'Mekdes|Mekdess',
  'Bethlehem|Betelhem|Bethelehem',
  'Kidist|Kedist',
  'Rahel|Rachel|Raheel',
  'Tsion|Tsiyon|Zion',
  'Genet|Gennet',
  'Lensa|Lenssa',
  'Chaltu|Caltu',
  'Ebise|Ebisse',
  'Gadise|Gadisse',
  'Ayantu|Ayyantu',
  'Zeyneba|Zeynaba|Zainaba',
  'Fatuma|Fatima',
  'Aster|Astere',
  'Birtukan|Birtukane',
];

const TIGRINYA_MEN: Pool = [
  'Tesfay|Tesfai|Tesfaye',
  'Tekle|Tecle|Teklé',
  'Teklay|Teclai|Teklai',
  'Ghirmay|Girmay|Germay',
  'Berhane|Berhani|Birhane',
  'Kibrom|Kbrom|Kibrome',
  'Habtom|Habtoom',
  'Yohannes|Yohanes|Johannes',
  'Dawit|Dawitt',
  'Filmon|Filimon|Philemon',
  'Robel|Robiel',
  'Mussie|Musie|Mussi',
  'Merhawi|Mehrawi',
  'Samuel|Semere|Samiel',
  'Ermias|Ermiyas',
  'Abraham|Abrham',
  'Tewelde|Tewolde|Teweldé',
  'Weldemichael|Welde Michael|Woldemichael|Weldemikael',
  'Kahsay|Kahsai',
  'Tesfamariam|Tesfa Mariam|Tesfamaryam',
  'Okbay|Okubay|Ogbai',
  'Medhanie|Medhane|Medhani',
  'Ghebreyesus|Gebreyesus|Gebre Yesus',
  'Haile|Hayle',
  'Asmerom|Asmarom',
  'Mehari|Mihreteab',
];

const TIGRINYA_WOMEN: Pool = [
  'Senait|Senayt|Sennait',
  'Helen|Hellen|Helena',
  'Freweini|Frewoini|Frewini',
  'Semhar|Semhare',
  'Luwam|Luam|Luwaam',
  'Yordanos|Yordanose',
  'Saba|Sabba',
  'Winta|Wintana',
  'Feven|Fiven',
  'Ruta|Rutta',
  'Selam|Selamawit',
  'Eden|Edden',
];

const CONGOLESE_GIVEN_MEN: Pool = [
  'Jean|Jean',
  'Jean-Baptiste|Jean Baptiste|Jean-Batiste',
  'Pierre|Pierre',
  'Joseph|Josef|Yosefu',
  'Patrice|Patrick',
  'Emmanuel|Emanuel|Emmanuelle',
  'Christian|Kristian',
  'Didier|Didié',
  'Papy|Papi',
  'Fiston|Fistone',
  'Blaise|Blaize',
  'Dieudonné|Dieudonne|Dieu-Donné',
  'Espoir|Espoire',
  'Bienvenu|Bienvenue',
  'Héritier|Heritier',
  'Trésor|Tresor',
  'Amani|Amanie',
  'Baraka|Barakka',
  'Faustin|Faustine',
  'Gédéon|Gedeon',
  'Jacques|Jaques',
  'Olivier|Olivié',
  'Samuel|Samwel',
  'Daniel|Danieli',
];

const CONGOLESE_GIVEN_WOMEN: Pool = [
  'Merveille|Merveilles',
  'Grâce|Grace',
  'Esther|Ester',
  'Solange|Solanje',
  'Chantal|Shantal',
  'Béatrice|Beatrice',
  'Furaha|Furahaa',
  'Neema|Nema',
  'Mapendo|Mappendo',
  'Sifa|Siffa',
  'Nadine|Nadinne',
  'Clarisse|Clarise',
  'Jeanne|Jeane',
  'Rebecca|Rebeka|Rébecca',
  'Ruth|Rut',
  'Judith|Judit',
  'Francine|Francinne',
  'Alice|Alisse',
];

const CONGOLESE_FAMILY: Pool = [
  'Mukendi|Mukendie',
  'Ilunga|Ilunga',
  'Kasongo|Kassongo',
  'Mbuyi|Mbuyi',
  'Kalala|Kalalla',
  'Mutombo|Mutombo',
  'Tshibanda|Tshibandaa|Chibanda',
  'Lukusa|Lukussa',
  'Nkulu|Nkulu',
  'Kabongo|Kabongo',
  'Ngoy|Ngoyi|Ngoie',
  'Banza|Banza',
  'Mwamba|Mwambaa',
  'Kanku|Kankou',
  'Bahati|Bahatti',
  'Byamungu|Biyamungu',
  'Bisimwa|Bisimua',
  'Cirhuza|Chirhuza',
  'Mugisho|Mughisho',
  'Murhula|Murula',
  'Bahizire|Bahizirwe',
  'Amisi|Amissi|Amici',
  'Shabani|Chabani|Shaabani',
  'Ramazani|Ramadhani|Ramadani',
  'Mwenge|Mwenge',
  'Kabeya|Kabeya',
  'Tshimanga|Tshimanga',
  'Kayembe|Kayembe',
  'Lumumba|Lumumba',
  'Kitenge|Kittenge',
  'Mushagalusa|Mushaghalusa',
  'Bulambo|Bulambo',
  'Safari|Saffari',
  'Masudi|Masoudi',
  'Zawadi|Zawaddi',
  'Mirindi|Mirindi',
];

const BURUNDIAN_GIVEN_MEN: Pool = [
  'Jean-Claude|Jean Claude|Jeanclaude',
  'Pierre-Claver|Pierre Claver',
  'Emmanuel|Emanuel',
  'Innocent|Inocent',
  'Déo|Deo|Déogratias',
  'Évariste|Evariste',
  'Léonidas|Leonidas',
  'Ange|Ange',
  'Fabrice|Fabrisse',
  'Eric|Éric|Erick',
  'Gervais|Gervai',
  'Prosper|Prospère',
  'Célestin|Celestin',
  'Thomas|Tomas',
];

const BURUNDIAN_GIVEN_WOMEN: Pool = [
  'Diane|Dianne',
  'Claudine|Claudinne',
  'Aline|Alinne',
  'Béatrice|Beatrice',
  'Fabiola|Fabiolla',
  'Espérance|Esperance',
  'Goreth|Gorethe',
  'Jeanine|Jeannine',
  'Constance|Constanse',
  'Odette|Odete',
  'Immaculée|Immaculee',
];

const BURUNDIAN_FAMILY: Pool = [
  'Ndayishimiye|Ndayishimye|Ndayishimie',
  'Niyonzima|Niyonzimma',
  'Nshimirimana|Nshimilimana',
  'Hakizimana|Hakizimanna',
  'Ndikumana|Ndikumanna',
  'Niyonkuru|Niyonkurru',
  'Bizimana|Bizimanna',
  'Nkurunziza|Nkurunzisa',
  'Irakoze|Irakoze',
  'Iradukunda|Iradukunda',
  'Ntakirutimana|Ntakirutimanna',
  'Havyarimana|Havyarimanna',
  'Niyongabo|Niyongabbo',
  'Ndayizeye|Ndayizeye',
  'Nduwimana|Nduwimanna',
  'Manirakiza|Manirakiza',
  'Habonimana|Habonimanna',
  'Ndayisenga|Ndayisenga',
  'Nsengiyumva|Nsengiyumva',
  'Ndizeye|Ndizeye',
  'Kwizera|Kwizerra',
  'Niyibizi|Niyibizzi',
];

const SOUTH_SUDANESE_GIVEN_MEN: Pool = [
  'John|Jon',
  'Peter|Piter',
  'James|Jemes',
  'Deng|Deng',
  'Garang|Garaŋ|Garangg',
  'Majok|Majock',
  'Machar|Machaar',
  'Mabior|Mabiour',
  'Lual|Luall',
  'Malual|Maluall',
  'Bol|Boll',
  'Kuol|Kwol',
  'Chol|Cool|Chool',
  'Ajak|Ajack',
  'Arok|Arok',
  'Atem|Atemm',
  'Dut|Duut',
  'Gatluak|Gatluok',
  'Riek|Riak',
  'Puok|Puok',
  'Tut|Tutt',
  'Makuei|Makuey',
];

const SOUTH_SUDANESE_GIVEN_WOMEN: Pool = [
  'Mary|Mari',
  'Rebecca|Rebeka',
  'Nyandeng|Nyandɛŋ|Nyandeeng',
  'Achol|Acol',
  'Ayen|Ayeen',
  'Akech|Akec',
  'Nyakim|Nyakiim',
  'Nyaboth|Nyabot',
  'Nyachuol|Nyacuol',
  'Akuol|Akwol',
  'Abuk|Abuuk',
  'Adut|Aduut',
  'Aluel|Aluɛl',
];

const SOUTH_SUDANESE_FAMILY: Pool = SOUTH_SUDANESE_GIVEN_MEN.slice(3);

const KENYAN_GIVEN_MEN: Pool = ['John|Jon', 'Peter|Petro', 'Joseph|Josef', 'David|Daudi', 'Daniel|Danieli', 'Samuel|Samwel', 'Brian|Bryan', 'Kevin|Kelvin'];
const KENYAN_GIVEN_WOMEN: Pool = ['Mary|Mariamu', 'Grace|Neema', 'Faith|Imani', 'Esther|Esta', 'Jane|Jayne', 'Lucy|Lusi', 'Mercy|Mercie'];
const KENYAN_FAMILY: Pool = [
  'Kamau|Kamao',
  'Otieno|Otiyeno',
  'Ochieng|Ochieng\'',
  'Mwangi|Mwangy',
  'Wanjiru|Wanjiro',
  'Njeri|Njery',
  'Kiprop|Kiprob',
  'Chebet|Chebett',
  'Kiptoo|Kipto',
  'Achieng|Achien',
  'Omondi|Omondy',
  'Mutua|Mutwa',
  'Wafula|Wafulla',
  'Nekesa|Nekessa',
  'Kariuki|Kariuky',
];

const GREAT_LAKES_GIVEN_MEN: Pool = ['Jean-Bosco|Jean Bosco', 'Eric|Erick', 'Patrick|Patric', 'Moses|Musa', 'Isaac|Isaka', 'Godfrey|Godefroid'];
const GREAT_LAKES_GIVEN_WOMEN: Pool = ['Claudine|Claudinne', 'Josiane|Josianne', 'Agnes|Agnès', 'Annet|Annette', 'Sarah|Sara'];
const GREAT_LAKES_FAMILY: Pool = [
  'Uwimana|Uwimanna',
  'Mukamana|Mukamanna',
  'Habimana|Habimanna',
  'Nsabimana|Nsabimanna',
  'Mugisha|Mugishaa',
  'Tumusiime|Tumusime',
  'Byaruhanga|Byaruhangga',
  'Okello|Okelo',
  'Ssemakula|Semakula',
  'Nakato|Nakatto',
];

/* ---------------------------------------------------------------------------------------------- */
/* People                                                                                          */
/* ---------------------------------------------------------------------------------------------- */

export type Sex = 'FEMALE' | 'MALE';

export interface DocumentFacts {
  kind: 'PASSPORT' | 'NATIONAL_ID' | 'REFUGEE_ID' | 'BIRTH_CERTIFICATE';
  number: string;
  issuingCountry: string;
}

/** Who someone is, independent of how a registration spells it. */
export interface Identity {
  nationality: string;
  sex: Sex;
  /** Name entries (each a `|`-separated list of spellings), in the order the person gives them. */
  names: string[];
  dateOfBirth: string;
  /** Known date, or an estimate (1 January or 1 July of an estimated year). */
  dateOfBirthEstimated: boolean;
  documents: DocumentFacts[];
  languages: string[];
  areaOfOrigin: { name: string; code?: string };
}

/** One registration of a person: the identity as the official wrote it that day. */
export interface Registration {
  givenName: string;
  familyName: string;
  otherNames: string[];
  sex: Sex;
  dateOfBirth: string;
  dateOfBirthEstimated: boolean;
  nationalities: string[];
  documents: DocumentFacts[];
  languages: string[];
  areaOfOrigin: { name: string; code?: string };
}

/** Arrivals at Tanzania's borders by nationality (roughly the caseload of the region's movements). */
const NATIONALITIES: readonly (readonly [string, number])[] = [
  ['COD', 30],
  ['BDI', 20],
  ['SOM', 15],
  ['ETH', 14],
  ['ERI', 5],
  ['SSD', 5],
  ['SDN', 3],
  ['KEN', 3],
  ['RWA', 2],
  ['UGA', 2],
  ['YEM', 1],
];

const AREAS: Record<string, readonly { name: string; code?: string }[]> = {
  COD: [{ name: 'South Kivu', code: 'CD-SK' }, { name: 'North Kivu', code: 'CD-NK' }, { name: 'Tanganyika', code: 'CD-TA' }, { name: 'Ituri', code: 'CD-IT' }],
  BDI: [{ name: 'Makamba', code: 'BI-MA' }, { name: 'Rumonge', code: 'BI-RM' }, { name: 'Bujumbura Rural', code: 'BI-BL' }, { name: 'Ruyigi', code: 'BI-RY' }],
  SOM: [{ name: 'Lower Shabelle', code: 'SO-SH' }, { name: 'Bay', code: 'SO-BY' }, { name: 'Gedo', code: 'SO-GE' }, { name: 'Banadir', code: 'SO-BN' }],
  ETH: [{ name: 'Oromia', code: 'ET-OR' }, { name: 'Tigray', code: 'ET-TI' }, { name: 'Amhara', code: 'ET-AM' }, { name: 'Somali', code: 'ET-SO' }],
  ERI: [{ name: 'Debub', code: 'ER-DU' }, { name: 'Maekel', code: 'ER-MA' }, { name: 'Gash-Barka', code: 'ER-GB' }],
  SSD: [{ name: 'Jonglei', code: 'SS-JG' }, { name: 'Upper Nile', code: 'SS-NU' }, { name: 'Unity', code: 'SS-UY' }],
  SDN: [{ name: 'Khartoum', code: 'SD-KH' }, { name: 'West Darfur', code: 'SD-DW' }],
  KEN: [{ name: 'Garissa' }, { name: 'Mandera' }, { name: 'Nairobi' }],
  RWA: [{ name: 'Western Province' }, { name: 'Kigali' }],
  UGA: [{ name: 'Kampala' }, { name: 'Arua' }],
  YEM: [{ name: 'Taiz' }, { name: 'Aden' }],
};

const LANGUAGES: Record<string, readonly string[]> = {
  COD: ['fr', 'sw', 'ln'],
  BDI: ['rn', 'fr', 'sw'],
  SOM: ['so', 'ar'],
  ETH: ['am', 'om', 'ti'],
  ERI: ['ti', 'ar'],
  SSD: ['en', 'ar'],
  SDN: ['ar'],
  KEN: ['sw', 'en'],
  RWA: ['rw', 'fr'],
  UGA: ['en', 'sw'],
  YEM: ['ar'],
};

function namePlan(r: Rng, nationality: string, sex: Sex): string[] {
  const female = sex === 'FEMALE';
  switch (nationality) {
    case 'SOM':
      // Given name, father's name, grandfather's name.
      return [pick(r, female ? SOMALI_WOMEN : SOMALI_MEN), pick(r, SOMALI_MEN), pick(r, SOMALI_MEN)];
    case 'KEN':
      // A share of the Kenyan arrivals are Kenyan Somalis, named as Somalis are.
      return chance(r, 0.4)
        ? [pick(r, female ? SOMALI_WOMEN : SOMALI_MEN), pick(r, SOMALI_MEN), pick(r, SOMALI_MEN)]
        : [pick(r, female ? KENYAN_GIVEN_WOMEN : KENYAN_GIVEN_MEN), pick(r, KENYAN_FAMILY)];
    case 'SDN':
    case 'YEM':
      return [pick(r, female ? ARABIC_WOMEN : ARABIC_MEN), pick(r, ARABIC_MEN), pick(r, ARABIC_MEN)];
    case 'ETH':
      return chance(r, 0.6)
        ? [pick(r, female ? ETHIOPIAN_WOMEN : ETHIOPIAN_MEN), pick(r, ETHIOPIAN_MEN)]
        : [pick(r, female ? ETHIOPIAN_WOMEN : ETHIOPIAN_MEN), pick(r, ETHIOPIAN_MEN), pick(r, ETHIOPIAN_MEN)];
    case 'ERI':
      return [pick(r, female ? TIGRINYA_WOMEN : TIGRINYA_MEN), pick(r, TIGRINYA_MEN), pick(r, TIGRINYA_MEN)];
    case 'SSD':
      return chance(r, 0.5)
        ? [pick(r, female ? SOUTH_SUDANESE_GIVEN_WOMEN : SOUTH_SUDANESE_GIVEN_MEN), pick(r, SOUTH_SUDANESE_FAMILY)]
        : [pick(r, female ? SOUTH_SUDANESE_GIVEN_WOMEN : SOUTH_SUDANESE_GIVEN_MEN), pick(r, SOUTH_SUDANESE_FAMILY), pick(r, SOUTH_SUDANESE_FAMILY)];
    case 'COD':
      return chance(r, 0.3)
        ? [pick(r, female ? CONGOLESE_GIVEN_WOMEN : CONGOLESE_GIVEN_MEN), pick(r, CONGOLESE_FAMILY), pick(r, CONGOLESE_FAMILY)]
        : [pick(r, female ? CONGOLESE_GIVEN_WOMEN : CONGOLESE_GIVEN_MEN), pick(r, CONGOLESE_FAMILY)];
    case 'BDI':
      return [pick(r, female ? BURUNDIAN_GIVEN_WOMEN : BURUNDIAN_GIVEN_MEN), pick(r, BURUNDIAN_FAMILY)];
    default:
      return [pick(r, female ? GREAT_LAKES_GIVEN_WOMEN : GREAT_LAKES_GIVEN_MEN), pick(r, GREAT_LAKES_FAMILY)];
  }
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function documentNumber(r: Rng, kind: DocumentFacts['kind'], country: string): string {
  const digits = (n: number): string => Array.from({ length: n }, () => String(int(r, 0, 9))).join('');
  switch (kind) {
    case 'PASSPORT':
      return `${pick(r, ['P', 'A', 'E', 'OP'])}${digits(7)}`;
    case 'NATIONAL_ID':
      return country === 'KEN' ? digits(8) : `${country.slice(0, 2)}-${digits(4)}-${digits(5)}`;
    case 'REFUGEE_ID':
      return `${pick(r, ['KAK', 'DAD', 'NYA', 'MTD'])}-${digits(2)}C${digits(5)}`;
    case 'BIRTH_CERTIFICATE':
      return `BC/${digits(4)}/${digits(4)}`;
  }
}

/** The person behind the n-th identity of a stream: the same every time. */
export function identity(seed: number, today = new Date()): Identity {
  const r = rng(seed);
  const nationality = weighted(r, NATIONALITIES);
  const sex: Sex = chance(r, 0.5) ? 'FEMALE' : 'MALE';
  const names = namePlan(r, nationality, sex);
  // Ages: many children and young adults, few older people.
  const age = weighted(r, [
    [int(r, 0, 4), 12],
    [int(r, 5, 11), 14],
    [int(r, 12, 17), 14],
    [int(r, 18, 29), 30],
    [int(r, 30, 44), 18],
    [int(r, 45, 64), 9],
    [int(r, 65, 85), 3],
  ] as const);
  const year = today.getUTCFullYear() - 1 - age;
  const estimated = chance(r, 0.35);
  const dateOfBirth = estimated ? `${year}-${chance(r, 0.7) ? '01-01' : '07-01'}` : `${year}-${pad(int(r, 1, 12))}-${pad(int(r, 1, 28))}`;
  const documents: DocumentFacts[] = [];
  if (chance(r, 0.45)) {
    const kind = weighted(r, [
      ['PASSPORT', 35],
      ['NATIONAL_ID', 35],
      ['REFUGEE_ID', 20],
      ['BIRTH_CERTIFICATE', 10],
    ] as const);
    documents.push({ kind, number: documentNumber(r, kind, nationality), issuingCountry: kind === 'REFUGEE_ID' ? pick(r, ['KEN', 'UGA', 'TZA']) : nationality });
  }
  const languages = LANGUAGES[nationality] ?? ['en'];
  return {
    nationality,
    sex,
    names,
    dateOfBirth,
    dateOfBirthEstimated: estimated,
    documents,
    languages: languages.slice(0, int(r, 1, Math.min(2, languages.length))),
    areaOfOrigin: pick(r, AREAS[nationality] ?? [{ name: 'Unknown' }]),
  };
}

const VOWEL_SWAPS: readonly [RegExp, string][] = [
  [/e/, 'i'],
  [/i/, 'e'],
  [/o/, 'u'],
  [/u/, 'o'],
  [/a/, 'e'],
];

/** One spelling of a name entry, as an official might write it. */
export function spell(r: Rng, entry: string): string {
  const spellings = entry.split('|');
  let name = chance(r, 0.55) ? spellings[0] : pick(r, spellings);
  const roll = r();
  if (roll < 0.03 && name.length > 4) {
    // A dropped letter.
    const at = int(r, 1, name.length - 2);
    name = name.slice(0, at) + name.slice(at + 1);
  } else if (roll < 0.06) {
    // A doubled letter.
    const at = int(r, 1, name.length - 1);
    name = name.slice(0, at) + name[at - 1] + name.slice(at);
  } else if (roll < 0.09) {
    // A vowel heard differently.
    const [pattern, replacement] = pick(r, VOWEL_SWAPS);
    name = name.replace(pattern, replacement);
  }
  return name;
}

function casing(r: Rng, text: string): string {
  const roll = r();
  if (roll < 0.08) return text.toUpperCase();
  if (roll < 0.1) return text.toLowerCase();
  return text;
}

/**
 * A registration of the identity. `variation` 0 writes the names in their commonest spelling; 1 lets
 * every name take any of its spellings and a typo now and then. Re-registrations may give the names in
 * another order, an estimated date of birth instead of the known one, or leave the document out.
 */
export function register(r: Rng, person: Identity, options: { variation: number; repeat?: boolean } = { variation: 1 }): Registration {
  const names = person.names.map((entry) => (r() < options.variation ? spell(r, entry) : entry.split('|')[0]));
  let ordered = names;
  if (options.repeat && chance(r, 0.08) && names.length > 1) {
    // The family name first, as some forms ask.
    ordered = [...names.slice(1), names[0]];
  }
  const givenName = casing(r, ordered[0]);
  const familyName = casing(r, ordered.slice(1).join(' '));
  const otherNames: string[] = [];
  if (chance(r, 0.2)) {
    // Another spelling the person has used, or a short form of the name.
    otherNames.push(chance(r, 0.7) ? person.names.map((entry) => spell(r, entry)).join(' ') : `${spell(r, person.names[0])} ${spell(r, person.names[1] ?? person.names[0])}`);
  }
  let dateOfBirth = person.dateOfBirth;
  let dateOfBirthEstimated = person.dateOfBirthEstimated;
  if (options.repeat && chance(r, 0.3)) {
    // Another day, another estimate.
    const year = Number(dateOfBirth.slice(0, 4)) + int(r, -1, 1);
    dateOfBirth = `${year}-01-01`;
    dateOfBirthEstimated = true;
  }
  const documents = options.repeat && chance(r, 0.4) ? [] : person.documents;
  const nationalities = chance(r, 0.03) ? [person.nationality, pick(r, ['KEN', 'UGA', 'TZA', 'RWA'])].filter((v, i, a) => a.indexOf(v) === i) : [person.nationality];
  return {
    givenName,
    familyName,
    otherNames,
    sex: person.sex,
    dateOfBirth,
    dateOfBirthEstimated,
    nationalities,
    documents,
    languages: person.languages,
    areaOfOrigin: person.areaOfOrigin,
  };
}
