import { Leaflet } from '../leaflet';

export const LEAFLET_EN: Leaflet = {
  language: 'en',
  version: '2026.1',
  direction: 'ltr',
  title: 'Your rights at the border',
  reviewStatus: 'SOURCE',
  sections: [
    {
      topic: 'ASYLUM',
      heading: 'Asking for asylum',
      body: 'If you are afraid to go back to your country, you can ask for asylum here. You can say it in any words, at any time. While your request is examined, nobody will send you back to a place where your life or freedom is in danger. An interpreter is free of charge.',
    },
    {
      topic: 'NGO_ACCESS',
      heading: 'Help from organisations',
      body: 'Organisations that help refugees and migrants work here. You can ask to speak with them. Their help is free of charge and does not depend on what you tell the authorities.',
    },
    {
      topic: 'LEGAL_AID',
      heading: 'Legal aid',
      body: 'You can get legal aid free of charge. A lawyer or a legal adviser can explain your rights and help you with your request. You can ask for one at any time.',
    },
    {
      topic: 'COUNSELLING',
      heading: 'Someone to talk to',
      body: 'If you have been hurt or threatened, or if you are afraid, you can talk to a counsellor. It is free of charge and confidential. You decide what you want to say.',
    },
    {
      topic: 'VOLUNTARY_RETURN',
      heading: 'Going home by choice',
      body: 'If you want to go back to your country, you can ask for help to return. You only return if you choose to. You can change your mind at any time before you leave.',
    },
    {
      topic: 'DATA_USE',
      heading: 'Your information and your consent',
      body: 'We write down what you tell us to register your arrival and to find the right help for you. The services that help you see only the part they need, and only with your consent, except to protect a child or your life. The embassy of your country is never told about you without your consent. You can withdraw your consent at any time: tell any official or caseworker. Withdrawing it does not change your right to ask for asylum or to get help.',
    },
  ],
};
