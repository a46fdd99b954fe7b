/**
 * The analysis: rankings, profiles, curves, the explorer's graph and timeline (InfluenceService) and
 * introduction suggestions (SuggestionsService), as the API calls them.
 *
 * It runs either in this thread (`inline`) or in a worker thread of its own (`thread`, analysis-thread.ts, the
 * app's default). The thread matters on large networks: building a Slashdot-size picture (Louvain, ForceAtlas2,
 * the introduction index) is tens of seconds of synchronous work, and in the request thread it stopped every
 * other request, a health check or a person's edit, until it was done. Both run the same services on the same
 * store and give the same answers; the thread's copy reads the store through its own connection and is told the
 * version of the store with every call, so a request sent after a write sees that write.
 */
import type { AnalysisStage, AnalysisStatus } from '../api/contract.ts';
import type { GraphRepository } from '../store/graph.repository.ts';
import type { VersionSource } from './graph-version.ts';
import { InfluenceService } from './influence.service.ts';
import { SuggestionsService } from './suggestions.service.ts';

/** The influence service's methods the API calls (all async, their arguments and answers plain data). */
export const INFLUENCE_METHODS = [
  'warm',
  'meta',
  'rank',
  'table',
  'introducerRecords',
  'profile',
  'curve',
  'ringsSummary',
  'communitiesSummary',
  'sectors',
  'breakdownTimeline',
  'graphView',
  'network',
  'timeline',
  'breakdowns',
] as const satisfies readonly (keyof InfluenceService)[];

/** The suggestion service's methods the API calls. */
export const SUGGESTIONS_METHODS = ['warm', 'suggest', 'opportunities', 'path'] as const satisfies readonly (keyof SuggestionsService)[];

export type InfluenceApi = Pick<InfluenceService, (typeof INFLUENCE_METHODS)[number]>;
export type SuggestionsApi = Pick<SuggestionsService, (typeof SUGGESTIONS_METHODS)[number]>;

export type AnalysisMode = 'inline' | 'thread';

export type { AnalysisStage, AnalysisStatus } from '../api/contract.ts';

export type ProgressSink = (stage: AnalysisStage) => void;

export interface Analysis {
  readonly mode: AnalysisMode;
  readonly influence: InfluenceApi;
  readonly suggestions: SuggestionsApi;
  /** what the analysis is doing now */
  status(): AnalysisStatus;
  /** Stops the analysis thread (nothing to do inline); calls still running are answered with an error. */
  close(): Promise<void>;
}

/** The services themselves, in the calling thread. */
export function createInlineAnalysis(
  graph: GraphRepository,
  version: VersionSource,
  log: (msg: string) => void,
  progress: ProgressSink = () => {},
): Analysis & { influence: InfluenceService; suggestions: SuggestionsService } {
  const influence = new InfluenceService(graph, version, log, progress);
  return {
    mode: 'inline',
    influence,
    suggestions: new SuggestionsService(influence, log, progress),
    status: () => ({ mode: 'inline', calls: 0, stage: null }),
    close: async () => {},
  };
}
