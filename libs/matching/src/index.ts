export {
  isPossibleMatch,
  MASK_CHARACTER,
  maskDocumentNumber,
  maskedDocumentText,
  maskMatchReasons,
  NAME_PREFILTER_SIMILARITY,
  normaliseDocumentNumber,
  normaliseName,
  scoreCandidate,
} from './name-matching';
export type { DocumentMatchReason, MaskedDocumentNumber, MatchReason, PersonFacts } from './name-matching';
