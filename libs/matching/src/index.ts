export { isPossibleMatch, NAME_PREFILTER_SIMILARITY, normaliseDocumentNumber, normaliseName, scoreCandidate } from './name-matching';
export type { MatchReason, MatchScore, PersonDocument, PersonFacts } from './name-matching';
