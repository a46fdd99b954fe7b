/** Wires repositories and services over one Database. */
import type { Database } from '../store/database.ts';
import { DismissalsRepository } from '../store/dismissals.repository.ts';
import { EventsRepository } from '../store/events.repository.ts';
import { GraphRepository } from '../store/graph.repository.ts';
import { IntroductionsRepository } from '../store/introductions.repository.ts';
import { PeopleRepository } from '../store/people.repository.ts';
import { TiesRepository } from '../store/ties.repository.ts';
import { DemoService } from './demo.service.ts';
import { DismissalsService } from './dismissals.service.ts';
import { EventsService } from './events.service.ts';
import { ExportService } from './export.service.ts';
import { ImportService } from './import.service.ts';
import { createInlineAnalysis, type Analysis, type AnalysisMode, type InfluenceApi, type SuggestionsApi } from './analysis.ts';
import { AnalysisThread } from './analysis-client.ts';
import { GraphVersion } from './graph-version.ts';
import { IntroductionsService } from './introductions.service.ts';
import { PeopleService } from './people.service.ts';
import { TiesService } from './ties.service.ts';

export interface Services {
  db: Database;
  version: GraphVersion;
  graph: GraphRepository;
  people: PeopleService;
  events: EventsService;
  ties: TiesService;
  introductions: IntroductionsService;
  dismissals: DismissalsService;
  importer: ImportService;
  exporter: ExportService;
  demo: DemoService;
  /** where the analysis runs (its own thread by default); close() it when done */
  analysis: Analysis;
  influence: InfluenceApi;
  suggestions: SuggestionsApi;
}

export interface ServicesOptions {
  /** `thread` (default): the analysis in a worker thread of its own (analysis.ts); `inline`: in this thread */
  analysis?: AnalysisMode;
}

export function createServices(db: Database, log: (msg: string) => void = () => {}, opts: ServicesOptions = {}): Services {
  const version = new GraphVersion();
  const people = new PeopleService(new PeopleRepository(db), version);
  const graph = new GraphRepository(db);
  const analysis = (opts.analysis ?? 'thread') === 'thread' ? new AnalysisThread(db.connection, version, log) : createInlineAnalysis(graph, version, log);
  const { influence } = analysis;
  return {
    db,
    version,
    graph,
    importer: new ImportService(db, version),
    exporter: new ExportService(graph),
    demo: new DemoService(db, graph, version),
    analysis,
    influence,
    suggestions: analysis.suggestions,
    people,
    events: new EventsService(new EventsRepository(db), people, version),
    ties: new TiesService(new TiesRepository(db), people, version),
    introductions: new IntroductionsService(new IntroductionsRepository(db), people, version, (limit) => influence.introducerRecords(limit)),
    dismissals: new DismissalsService(new DismissalsRepository(db), people, version),
  };
}
