import { Leaflet } from '../leaflet';

/** Somali, written with the glossary's sourced terms; a native speaker's review is pending. */
export const LEAFLET_SO: Leaflet = {
  language: 'so',
  version: '2026.1',
  direction: 'ltr',
  title: 'Xuquuqdaada xadka',
  reviewStatus: 'NATIVE_REVIEW_PENDING',
  sections: [
    {
      topic: 'ASYLUM',
      heading: 'Codsashada magangalyo',
      body: 'Haddii aad ka baqayso inaad dalkaaga ku noqoto, halkan waxaad ka codsan kartaa magangalyo. Waxaad ku odhan kartaa eray kasta, wakhti kasta. Inta codsigaaga la eegayo, qofna kuma celin doono meel noloshaada ama xorriyaddaadu khatar ku jirto. Turjumaanku waa bilaash.',
    },
    {
      topic: 'NGO_ACCESS',
      heading: 'Caawimada hay’adaha',
      body: 'Hay’ado caawiya qaxootiga iyo muhaajiriinta ayaa halkan ka shaqeeya. Waxaad codsan kartaa inaad la hadasho. Caawimadoodu waa bilaash, kumana xidhna waxa aad u sheegto mas’uuliyiinta.',
    },
    {
      topic: 'LEGAL_AID',
      heading: 'Taageero sharci',
      body: 'Waxaad heli kartaa taageero sharci oo bilaash ah. Qareen ama lataliye sharci ayaa kuu sharxi kara xuquuqdaada oo kaa caawin kara codsigaaga. Wakhti kasta waad codsan kartaa.',
    },
    {
      topic: 'COUNSELLING',
      heading: 'Qof aad la hadasho',
      body: 'Haddii lagu dhaawacay ama lagu hanjabay, ama haddii aad cabsi qabto, waxaad la hadli kartaa lataliye. Waa bilaash waana sir. Adiga ayaa go’aansanaya waxa aad rabto inaad sheegto.',
    },
    {
      topic: 'VOLUNTARY_RETURN',
      heading: 'Ku noqoshada dalka adigoo doorta',
      body: 'Haddii aad rabto inaad dalkaaga ku noqoto, waxaad codsan kartaa caawimo aad ku noqoto. Waxaad ku noqonaysaa oo keliya haddii aad adigu doorato. Wakhti kasta ka hor intaadan bixin waad beddeli kartaa go’aankaaga.',
    },
    {
      topic: 'DATA_USE',
      heading: 'Xogtaada iyo oggolaanshahaaga',
      body: 'Waxaan qornaa waxa aad noo sheegto si aan u diiwaangelinno imaatinkaaga oo aan kuu helno caawimada kugu habboon. Adeegyada ku caawiya waxay arkaan oo keliya qaybta ay u baahan yihiin, oo keliya oggolaanshahaaga, marka laga reebo ilaalinta ilmo ama noloshaada. Safaaradda dalkaaga waxba lagagama sheego oggolaanshahaaga la’aantii. Wakhti kasta waad ka noqon kartaa oggolaanshahaaga: u sheeg sarkaal kasta ama shaqaalaha kiiskaaga. Ka noqoshada oggolaanshuhu ma beddelayso xuquuqdaada codsashada magangalyo ama helitaanka caawimo.',
    },
  ],
};
