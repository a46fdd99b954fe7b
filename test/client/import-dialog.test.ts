/** The import dialog's guess of a file's format, and its summary of what an import wrote. */
import { describe, expect, it } from 'vitest';
import { describeWritten, type RecordCounts } from '../../src/domain/import-counts.ts';
import { afterFailure, describeCancelled, describeProgress, guessFormat, progressId } from '../../client/src/panel/import-dialog.ts';

const guess = (name: string, head: string, gzipped = false) => guessFormat(name, head, gzipped)?.format ?? null;

describe('guessFormat', () => {
  it('tells the CSV tables apart by their header, whatever the file is called', () => {
    expect(guess('team.csv', 'id,name,sectors,offers,seeks\nana,Ana,,,\n')).toBe('people-csv');
    expect(guess('export.csv', '\uFEFF"from","to","trust"\na,b,0.5\n')).toBe('ties-csv');
    expect(guess('data.csv', 'id,introducer,a,b,at,status,value,note\n')).toBe('introductions-csv');
    expect(guess('NAME.CSV', 'Name,ID\nAna,1\n')).toBe('people-csv');
  });

  it('knows SNAP rating and edge lists by their rows', () => {
    expect(guess('soc-sign-bitcoinotc.csv', '6,2,4,1289241911.72836\n6,5,2,1289241941.53378\n')).toBe('snap-signed');
    expect(guess('CollegeMsg.txt', '1 2 1082008561\n3 4 1082155839\n')).toBe('snap-temporal');
    expect(guess('edges.txt', '# Directed graph\n# Nodes: 3\n0\t1\n0\t2\n')).toBe('snap-temporal');
    expect(guess('soc-sign-bitcoinotc.csv.gz', '', true)).toBe('snap-signed');
    expect(guess('soc-Slashdot0902.txt.gz', '', true)).toBe('snap-temporal');
  });

  it('knows NDJSON, GEXF and GraphML by name or content', () => {
    expect(guess('events.ndjson', '')).toBe('events-ndjson');
    expect(guess('events.txt', '{"id":"e1","at":"2024-01-01T00:00:00Z","drivers":[{"person":"a"}]}\n')).toBe('events-ndjson');
    expect(guess('graph.xml', '<?xml version="1.0"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3">')).toBe('gexf');
    expect(guess('graph.xml', '<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">')).toBe('graphml');
    expect(guess('network.gexf', '')).toBe('gexf');
  });

  it('says nothing when nothing tells', () => {
    expect(guess('notes.txt', 'Dear team, here are the numbers\n')).toBeNull();
    expect(guess('archive.zip.gz', '', true)).toBeNull();
    expect(guess('page.html', '<!doctype html><html>')).toBeNull();
    expect(guess('a.csv', 'x,y,z\n1,2,3\n')).toBeNull();
  });

  it('says why it guessed', () => {
    expect(guessFormat('t.csv', 'from,to\n', false)?.why).toBe('a header with "from" and "to" columns');
  });
});

describe('describeWritten', () => {
  const counts = (c: Partial<RecordCounts>): RecordCounts => ({ people: 0, events: 0, ties: 0, introductions: 0, dismissals: 0, ...c });

  it('names only what was written, singular or plural, and which of it was new', () => {
    expect(describeWritten(counts({ people: 1, ties: 2 }), counts({ people: 1, ties: 2 }))).toBe('1 person, 2 ties (all new)');
    expect(describeWritten(counts({ events: 12345, introductions: 1 }), counts({ events: 12000 }))).toBe('12,345 events, 1 introduction (new: 12,000 events)');
    expect(describeWritten(counts({ dismissals: 3 }), counts({ dismissals: 1 }))).toBe('3 hidden suggestions (new: 1 hidden suggestion)');
  });

  it('counts the people a line only names among the new, and says when nothing was new or there was nothing', () => {
    expect(describeWritten(counts({ ties: 4 }), counts({ people: 3, ties: 4 }))).toBe('4 ties (new: 3 people, 4 ties)');
    expect(describeWritten(counts({ introductions: 40 }), counts({}))).toBe('40 introductions (nothing new: every one was already stored)');
    expect(describeWritten(counts({}), counts({}))).toBe('nothing: the file holds no records');
  });
});

describe('describeProgress', () => {
  it('says which of the two passes the server is in, how far through the file, and how many lines', () => {
    expect(describeProgress({ phase: 'validating', lines: 12_345, bytes: 250, totalBytes: 1000 })).toEqual({ share: 0.25, text: 'Step 1 of 2, checking every line: 25 % · 12,345 lines' });
    expect(describeProgress({ phase: 'writing', lines: 7, bytes: 1000, totalBytes: 1000 })).toEqual({ share: 1, text: 'Step 2 of 2, writing: 100 % · 7 lines' });
  });

  it('draws no share it cannot know (an empty file, or more bytes than the file had)', () => {
    expect(describeProgress({ phase: 'writing', lines: 3, bytes: 0, totalBytes: 0 })).toEqual({ share: null, text: 'Step 2 of 2, writing · 3 lines' });
    expect(describeProgress({ phase: 'validating', lines: 3, bytes: 20, totalBytes: 10 }).share).toBeNull();
    expect(describeProgress({ phase: 'done', lines: 3, bytes: 10, totalBytes: 10 })).toEqual({ share: null, text: 'Finishing…' });
    expect(describeProgress({ phase: 'writing', lines: 0, bytes: 0, totalBytes: 10 })).toEqual({ share: null, text: 'Step 2 of 2, writing: first the people the file names…' });
  });
});

describe('progressId', () => {
  it('makes fresh ids the API accepts', () => {
    const a = progressId();
    expect(a).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(progressId()).not.toBe(a);
  });
});

describe('afterFailure', () => {
  it('promises nothing was written only for refusals, which come before any write', () => {
    for (const status of [400, 409, 413, 422]) expect(afterFailure(status)).toBe('Nothing was written.');
    for (const status of [0, 500, 503]) expect(afterFailure(status)).toContain('part of the file stored');
  });
});

describe('describeCancelled', () => {
  it('says nothing was written when the upload was cut or the server never started', () => {
    expect(describeCancelled(false, { phase: 'writing' })).toEqual({ text: 'Cancelled before the server began the import: nothing was written.', written: false });
    expect(describeCancelled(true, null).written).toBe(false);
  });

  it("passes on the server's account of a cancelled import, and whether anything was stored", () => {
    const partly = 'The import was cancelled while writing; 20,000 people, 5,000 ties had been stored when it stopped: importing the same file again completes it';
    expect(describeCancelled(true, { phase: 'cancelled', message: partly, stored: true })).toEqual({ text: partly, written: true });
    const none = 'The import was cancelled while checking the file; nothing was written';
    expect(describeCancelled(true, { phase: 'cancelled', message: none, stored: false })).toEqual({ text: none, written: false });
    // whether anything was stored comes from the server's flag, not from its wording
    expect(describeCancelled(true, { phase: 'cancelled', message: 'Stopped early.', stored: false }).written).toBe(false);
  });

  it('takes a refusal as nothing written, and a failure the server cannot account for as maybe written', () => {
    expect(describeCancelled(true, { phase: 'failed', message: '2 invalid lines; nothing was written.', stored: false }).written).toBe(false);
    expect(describeCancelled(true, { phase: 'failed', message: 'The database went away' }).written).toBe(true);
  });

  it('says when the import had finished anyway, or is still stopping', () => {
    expect(describeCancelled(true, { phase: 'done' })).toEqual({ text: 'The import had already finished when it was cancelled: the whole file was written.', written: true });
    expect(describeCancelled(true, { phase: 'writing' }).text).toContain('still stopping');
  });
});
