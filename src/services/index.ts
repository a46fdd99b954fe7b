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
import { InfluenceService } from './influence.service.ts';
import { GraphVersion } from './graph-version.ts';
import { IntroductionsService } from './introductions.service.ts';
import { PeopleService } from './people.service.ts';
import { SuggestionsService } from './suggestions.service.ts';
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
  influence: InfluenceService;
  suggestions: SuggestionsService;
}

export function createServices(db: Database, log: (msg: string) => void = () => {}): Services {
  const version = new GraphVersion();
  const people = new PeopleService(new PeopleRepository(db), version);
  const graph = new GraphRepository(db);
  const influence = new InfluenceService(graph, version, log);
  return {
    db,
    version,
    graph,
    importer: new ImportService(db, version),
    exporter: new ExportService(graph),
    demo: new DemoService(db, graph, version),
    influence,
    suggestions: new SuggestionsService(influence, log),
    people,
    events: new EventsService(new EventsRepository(db), people, version),
    ties: new TiesService(new TiesRepository(db), people, version),
    introductions: new IntroductionsService(new IntroductionsRepository(db), people, version, (limit) => influence.introducerRecords(limit)),
    dismissals: new DismissalsService(new DismissalsRepository(db), people, version),
  };
}
