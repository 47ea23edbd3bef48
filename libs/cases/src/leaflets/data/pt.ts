import { Leaflet } from '../leaflet';

export const LEAFLET_PT: Leaflet = {
  language: 'pt',
  version: '2026.1',
  direction: 'ltr',
  title: 'Os seus direitos na fronteira',
  reviewStatus: 'GLOSSARY_CHECKED',
  sections: [
    {
      topic: 'ASYLUM',
      heading: 'Pedir asilo',
      body: 'Se tem medo de voltar ao seu país, pode pedir asilo aqui. Pode dizê-lo por quaisquer palavras, a qualquer momento. Enquanto o seu pedido é analisado, ninguém o mandará de volta para um lugar onde a sua vida ou a sua liberdade corram perigo. O intérprete é gratuito.',
    },
    {
      topic: 'NGO_ACCESS',
      heading: 'Ajuda de organizações',
      body: 'Trabalham aqui organizações que ajudam refugiados e migrantes. Pode pedir para falar com elas. A ajuda delas é gratuita e não depende do que disser às autoridades.',
    },
    {
      topic: 'LEGAL_AID',
      heading: 'Assistência jurídica',
      body: 'Pode ter assistência jurídica gratuita. Um advogado ou um consultor jurídico pode explicar-lhe os seus direitos e ajudá-lo no seu pedido. Pode pedi-la a qualquer momento.',
    },
    {
      topic: 'COUNSELLING',
      heading: 'Alguém com quem falar',
      body: 'Se foi magoado ou ameaçado, ou se tem medo, pode falar com um conselheiro. É gratuito e confidencial. É você quem decide o que quer dizer.',
    },
    {
      topic: 'VOLUNTARY_RETURN',
      heading: 'Voltar a casa por escolha própria',
      body: 'Se quer voltar ao seu país, pode pedir ajuda para regressar. Só regressa se assim o escolher. Pode mudar de ideias a qualquer momento antes de partir.',
    },
    {
      topic: 'DATA_USE',
      heading: 'Os seus dados e o seu consentimento',
      body: 'Anotamos o que nos diz para registar a sua chegada e encontrar a ajuda certa para si. Os serviços que o ajudam só veem a parte de que precisam, e só com o seu consentimento, exceto para proteger uma criança ou a sua vida. A embaixada do seu país nunca é informada sem o seu consentimento. Pode retirar o seu consentimento a qualquer momento: diga-o a qualquer agente ou técnico. Retirar o consentimento não muda o seu direito de pedir asilo nem de receber ajuda.',
    },
  ],
};
