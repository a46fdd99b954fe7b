/** One suggested introduction as the API returns it (Ana meets Omar through Helena), for the client's unit tests. */
import type { Suggestion, SuggestionReasons } from '../../src/api/contract.ts';

export function sampleSuggestion(reasons: Partial<SuggestionReasons> = {}, introducerName = 'Helena Brandt'): Suggestion {
  return {
    a: { id: 'p-ana', name: 'Ana Torres' },
    b: { id: 'p-omar', name: 'Omar Haddad' },
    introducer: { id: 'p-connector', name: introducerName },
    score: 0.9,
    reasons: {
      aOffersBSeeks: [],
      bOffersASeeks: ['funding', 'mentorship'],
      sharedSectors: [],
      commonTies: 3,
      adamicAdar: 1,
      resourceAllocation: 0.2,
      bridgesCommunities: true,
      communities: [1, 2],
      trustAInIntroducer: 0.9,
      trustBInIntroducer: 0.85,
      tieRecencyDays: { a: 3, b: 10 },
      introducerRecord: { made: 12, succeeded: 9, counted: 9, failed: 1, successRate: 0.75 },
      ...reasons,
    },
  };
}
