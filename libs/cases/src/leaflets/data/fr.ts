import { Leaflet } from '../leaflet';

export const LEAFLET_FR: Leaflet = {
  language: 'fr',
  version: '2026.1',
  direction: 'ltr',
  title: 'Vos droits à la frontière',
  reviewStatus: 'GLOSSARY_CHECKED',
  sections: [
    {
      topic: 'ASYLUM',
      heading: 'Demander l’asile',
      body: 'Si vous avez peur de retourner dans votre pays, vous pouvez demander l’asile ici. Vous pouvez le dire avec vos propres mots, à tout moment. Pendant l’examen de votre demande, personne ne vous renverra là où votre vie ou votre liberté est en danger. L’interprète est gratuit.',
    },
    {
      topic: 'NGO_ACCESS',
      heading: 'L’aide des organisations',
      body: 'Des organisations qui aident les réfugiés et les migrants travaillent ici. Vous pouvez demander à leur parler. Leur aide est gratuite et ne dépend pas de ce que vous dites aux autorités.',
    },
    {
      topic: 'LEGAL_AID',
      heading: 'Aide juridique',
      body: 'Vous pouvez obtenir une aide juridique gratuite. Un avocat ou un conseiller juridique peut vous expliquer vos droits et vous aider dans votre demande. Vous pouvez le demander à tout moment.',
    },
    {
      topic: 'COUNSELLING',
      heading: 'Parler à quelqu’un',
      body: 'Si vous avez été blessé ou menacé, ou si vous avez peur, vous pouvez parler à un conseiller. C’est gratuit et confidentiel. C’est vous qui décidez ce que vous voulez dire.',
    },
    {
      topic: 'VOLUNTARY_RETURN',
      heading: 'Rentrer chez soi par choix',
      body: 'Si vous voulez retourner dans votre pays, vous pouvez demander une aide au retour. Vous ne rentrez que si vous le choisissez. Vous pouvez changer d’avis à tout moment avant votre départ.',
    },
    {
      topic: 'DATA_USE',
      heading: 'Vos informations et votre consentement',
      body: 'Nous notons ce que vous nous dites pour enregistrer votre arrivée et trouver l’aide qui vous convient. Les services qui vous aident ne voient que la partie dont ils ont besoin, et seulement avec votre consentement, sauf pour protéger un enfant ou votre vie. L’ambassade de votre pays n’est jamais informée sans votre consentement. Vous pouvez retirer votre consentement à tout moment : dites-le à un agent ou à un travailleur social. Le retrait du consentement ne change rien à votre droit de demander l’asile ou de recevoir de l’aide.',
    },
  ],
};
