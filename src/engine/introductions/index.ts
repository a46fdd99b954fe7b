/**
 * Introductions engine (DESIGN.md idea 6): suggest introductions, explain each, credit introducers.
 * Pure: a Projection in, plain objects out; time comes in as `now`.
 */
export { ACQUAINTANCE_DEFAULTS, findEntry, type AcquaintanceGraph, type AcquaintanceOptions } from './acquaintance-graph.ts';
export { COMMUNITY_DEFAULTS, type CommunityOptions } from './communities.ts';
export { IntroductionInputError, type IntroductionInputReason } from './errors.ts';
export type { IntroducerRecordSummary, IntroductionReasons, IntroductionSuggestion } from './explain-suggestion.ts';
export {
  INTRODUCER_SCORE_DEFAULTS,
  introducerScores,
  introducerScoreSeries,
  introducerCurve,
  type BetaPrior,
  type IntroducerScore,
  type IntroducerScoreOptions,
} from './introducer-scores.ts';
export {
  buildIntroductionIndex,
  INTRODUCTION_INDEX_DEFAULTS,
  type IntroductionIndex,
  type IntroductionIndexOptions,
  isHidden,
  refusedIntroductions,
  withIntroductionRecords,
} from './introduction-index.ts';
export { INTRODUCTION_PATH_DEFAULTS, introductionPath, MAX_PATH_HOPS, type IntroductionPath, type IntroductionPathOptions, type PathHop } from './introduction-path.ts';
export { openness, OPENNESS_DEFAULTS, type OpennessOptions } from './openness.ts';
export { pairBoost, PAIR_SCORE_DEFAULTS, scorePair, type PairEvaluation, type PairScoreWeights } from './pair-score.ts';
export { rankCandidates, RANK_CANDIDATES_DEFAULTS, type RankCandidatesOptions, type RankedCandidates } from './rank-candidates.ts';
export {
  carryAcrossNetwork,
  SUGGEST_ACROSS_NETWORK_DEFAULTS,
  suggestAcrossNetwork,
  type NetworkSuggestions,
  type SuggestAcrossNetworkOptions,
} from './suggest-across-network.ts';
export { SUGGEST_FOR_INTRODUCER_DEFAULTS, suggestForIntroducer, type SuggestForIntroducerOptions } from './suggest-for-introducer.ts';
export { SUGGEST_FOR_PERSON_DEFAULTS, suggestForPerson, type SuggestForPersonOptions } from './suggest-for-person.ts';
