import { Leaflet } from '../leaflet';

export const LEAFLET_SW: Leaflet = {
  language: 'sw',
  version: '2026.1',
  direction: 'ltr',
  title: 'Haki zako mpakani',
  reviewStatus: 'GLOSSARY_CHECKED',
  sections: [
    {
      topic: 'ASYLUM',
      heading: 'Kuomba hifadhi',
      body: 'Kama unaogopa kurudi nchini kwako, unaweza kuomba hifadhi hapa. Unaweza kusema kwa maneno yoyote, wakati wowote. Wakati ombi lako linashughulikiwa, hakuna atakayekurudisha mahali ambapo maisha yako au uhuru wako uko hatarini. Mkalimani ni bila malipo.',
    },
    {
      topic: 'NGO_ACCESS',
      heading: 'Msaada wa mashirika',
      body: 'Mashirika yanayosaidia wakimbizi na wahamiaji yanafanya kazi hapa. Unaweza kuomba kuzungumza nayo. Msaada wao ni bila malipo na hautegemei unachowaambia maafisa wa serikali.',
    },
    {
      topic: 'LEGAL_AID',
      heading: 'Msaada wa kisheria',
      body: 'Unaweza kupata msaada wa kisheria bila malipo. Wakili au mshauri wa sheria anaweza kukueleza haki zako na kukusaidia katika ombi lako. Unaweza kuuomba wakati wowote.',
    },
    {
      topic: 'COUNSELLING',
      heading: 'Mtu wa kuzungumza naye',
      body: 'Kama umeumizwa au umetishiwa, au kama una hofu, unaweza kuzungumza na mshauri nasaha. Ni bila malipo na ni siri. Wewe ndiye unayeamua unachotaka kusema.',
    },
    {
      topic: 'VOLUNTARY_RETURN',
      heading: 'Kurudi nyumbani kwa hiari',
      body: 'Kama unataka kurudi nchini kwako, unaweza kuomba msaada wa kurudi. Unarudi tu kama umechagua mwenyewe. Unaweza kubadilisha uamuzi wako wakati wowote kabla ya kuondoka.',
    },
    {
      topic: 'DATA_USE',
      heading: 'Taarifa zako na ridhaa yako',
      body: 'Tunaandika unachotueleza ili kusajili kuwasili kwako na kukutafutia msaada unaofaa. Huduma zinazokusaidia zinaona tu sehemu zinazohitaji, na kwa ridhaa yako tu, isipokuwa kumlinda mtoto au kulinda maisha yako. Ubalozi wa nchi yako hauambiwi chochote kukuhusu bila ridhaa yako. Unaweza kuondoa ridhaa yako wakati wowote: mwambie afisa yeyote au mfanyakazi wa shauri lako. Kuondoa ridhaa hakubadilishi haki yako ya kuomba hifadhi au kupata msaada.',
    },
  ],
};
