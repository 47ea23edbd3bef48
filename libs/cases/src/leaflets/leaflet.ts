/**
 * The rights leaflet: what a person is told at the border, in their language. The texts are data, one
 * file per language under `data/`, each with its version; an intake records the language and version it
 * gave (`informationGiven.language`, `informationGiven.leafletVersion`).
 */
export const LEAFLET_TOPICS = ['ASYLUM', 'NGO_ACCESS', 'LEGAL_AID', 'COUNSELLING', 'VOLUNTARY_RETURN', 'DATA_USE'] as const;
export type LeafletTopic = (typeof LEAFLET_TOPICS)[number];

/**
 * How far a translation has been checked: the English source; translated with the project glossary's
 * sourced terms; or written without a native speaker's review yet (officials are told so).
 */
export const LEAFLET_REVIEW_STATUSES = ['SOURCE', 'GLOSSARY_CHECKED', 'NATIVE_REVIEW_PENDING'] as const;
export type LeafletReviewStatus = (typeof LEAFLET_REVIEW_STATUSES)[number];

export interface LeafletSection {
  topic: LeafletTopic;
  heading: string;
  body: string;
}

export interface Leaflet {
  /** ISO 639-1. */
  language: string;
  version: string;
  direction: 'ltr' | 'rtl';
  title: string;
  reviewStatus: LeafletReviewStatus;
  /** One section per topic, in LEAFLET_TOPICS order. */
  sections: readonly LeafletSection[];
}
