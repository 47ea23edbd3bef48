export { isPossibleMatch, NAME_PREFILTER_SIMILARITY, normaliseDocumentNumber, normaliseName, scoreCandidate } from './name-matching';
export type { MatchReason, PersonFacts } from './name-matching';
