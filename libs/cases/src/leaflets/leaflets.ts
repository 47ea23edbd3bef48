import { LEAFLET_AM } from './data/am';
import { LEAFLET_AR } from './data/ar';
import { LEAFLET_EN } from './data/en';
import { LEAFLET_FR } from './data/fr';
import { LEAFLET_PT } from './data/pt';
import { LEAFLET_SO } from './data/so';
import { LEAFLET_SW } from './data/sw';
import { LEAFLET_TI } from './data/ti';
import { Leaflet } from './leaflet';

/** Every leaflet, English first: the web app's languages, then Amharic, Somali and Tigrinya. */
export const LEAFLETS: readonly Leaflet[] = [LEAFLET_EN, LEAFLET_FR, LEAFLET_PT, LEAFLET_SW, LEAFLET_AR, LEAFLET_AM, LEAFLET_SO, LEAFLET_TI];

const BY_LANGUAGE = new Map(LEAFLETS.map((leaflet) => [leaflet.language, leaflet]));

export function leafletIn(language: string): Leaflet | undefined {
  return BY_LANGUAGE.get(language);
}
