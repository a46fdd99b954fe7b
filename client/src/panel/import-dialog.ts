/**
 * "Import": a dialog that sends a file to POST /api/import. The format is guessed from the file's name and first
 * line (and can be changed), invalid lines can be skipped or refuse the whole file, the upload shows a progress
 * bar, and the answer is shown as it is: what was written, or the invalid lines by number (nothing written).
 */
import type { FormatsResponse, ImportProgressResponse, ImportResponse } from '../../../src/api/contract.ts';
import { describeWritten } from '../../../src/domain/import-counts.ts';
import { ApiError, type Api } from '../api.ts';
import { append, clear, el } from './dom.ts';

export interface FormatGuess {
  format: string;
  /** why, in words, shown beside the choice */
  why: string;
}

const SNAP_FORMATS = new Set(['snap-signed', 'snap-temporal']);

/** How often the server's progress is asked for while it checks and writes. */
const PROGRESS_POLL_MS = 400;

/** A fresh id for the server's progress report (crypto.randomUUID needs a secure context; this does not). */
export function progressId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `import-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** The progress bar's share (null: indeterminate) and words for what the server reports. */
export function describeProgress(p: Pick<ImportProgressResponse, 'phase' | 'lines' | 'bytes' | 'totalBytes'>): { share: number | null; text: string } {
  const share = p.totalBytes > 0 && p.bytes <= p.totalBytes ? p.bytes / p.totalBytes : null;
  const lines = `${p.lines.toLocaleString('en-US')} lines`;
  const percent = share === null ? '' : `: ${Math.round(share * 100)} %`;
  if (p.phase === 'validating') return { share, text: `Step 1 of 2, checking every line${percent} · ${lines}` };
  // A large import stores every person the file names before its first batch.
  if (p.phase === 'writing' && p.lines === 0) return { share: null, text: 'Step 2 of 2, writing: first the people the file names…' };
  if (p.phase === 'writing') return { share, text: `Step 2 of 2, writing${percent} · ${lines}` };
  return { share: null, text: p.phase === 'done' ? 'Finishing…' : 'Stopped.' };
}

/**
 * What to say after the user cancelled: whether the file was fully uploaded, and the server's progress entry once
 * the import there has stopped (null when the server never started it). A cancelled upload writes nothing; a
 * cancelled import stops between batches and the server's message says what it had stored.
 */
export function describeCancelled(uploaded: boolean, state: Pick<ImportProgressResponse, 'phase' | 'message' | 'stored'> | null): { text: string; written: boolean } {
  if (!uploaded || state === null) return { text: 'Cancelled before the server began the import: nothing was written.', written: false };
  // `stored` is absent only when the server cannot tell (a failure part-way through writing): then assume it wrote.
  switch (state.phase) {
    case 'cancelled':
      return { text: state.message ?? 'Cancelled on the server.', written: state.stored ?? true };
    case 'done':
      return { text: 'The import had already finished when it was cancelled: the whole file was written.', written: true };
    case 'failed':
      return { text: state.message ?? 'The import failed on the server.', written: state.stored ?? true };
    default:
      return { text: 'Cancelled; the server is still stopping the import (it stops between batches). Reopen Import later to check what was stored.', written: true };
  }
}

/** How long the dialog waits for the server to stop a cancelled import before saying it is still stopping. */
const STOP_WAIT_MS = 15_000;

/** Lines of errors listed before "and N more". */
const LISTED_LINES = 20;

function splitCells(line: string): string[] {
  return line.split(',').map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());
}

/**
 * The likely format of a file from its name and its first bytes (decoded as text; `gzipped` when they start with
 * gzip's magic number). Null when nothing says: the user picks.
 */
export function guessFormat(fileName: string, head: string, gzipped: boolean): FormatGuess | null {
  const name = fileName.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.gexf')) return { format: 'gexf', why: 'a .gexf file' };
  if (name.endsWith('.graphml')) return { format: 'graphml', why: 'a .graphml file' };
  if (name.endsWith('.ndjson') || name.endsWith('.jsonl')) return { format: 'events-ndjson', why: 'one JSON object per line' };
  if (gzipped) {
    if (name.endsWith('.csv')) return { format: 'snap-signed', why: 'a gzipped .csv: a SNAP rating list' };
    if (name.endsWith('.txt') || name.endsWith('.tsv')) return { format: 'snap-temporal', why: 'a gzipped .txt: a SNAP edge list' };
    return null;
  }
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('<')) {
    if (/<gexf[\s>]/.test(text)) return { format: 'gexf', why: 'a GEXF document' };
    if (/<graphml[\s>]/.test(text)) return { format: 'graphml', why: 'a GraphML document' };
    return null;
  }
  if (text.startsWith('{')) return { format: 'events-ndjson', why: 'one JSON object per line' };
  const lines = text.split(/\r?\n/);
  const first = lines.find((l) => l.trim() !== '' && !l.startsWith('#')) ?? '';
  const cells = splitCells(first);
  if (cells.includes('introducer')) return { format: 'introductions-csv', why: 'a header with an "introducer" column' };
  if (cells.includes('by') && cells.includes('a') && cells.includes('b')) return { format: 'dismissals-csv', why: 'a header with "by", "a" and "b" columns' };
  if (cells.includes('from') && cells.includes('to')) return { format: 'ties-csv', why: 'a header with "from" and "to" columns' };
  if (cells.includes('id') && cells.includes('name')) return { format: 'people-csv', why: 'a header with "id" and "name" columns' };
  const number = /^-?\d+(\.\d+)?$/;
  if (cells.length === 4 && cells.every((c) => number.test(c))) return { format: 'snap-signed', why: 'rows of SOURCE,TARGET,RATING,TIME' };
  const fields = first.trim().split(/\s+/);
  if ((fields.length === 2 || fields.length === 3) && fields.every((f) => number.test(f))) {
    return { format: 'snap-temporal', why: fields.length === 3 ? 'rows of SRC DST TIME' : 'rows of SRC DST' };
  }
  if (lines[0]?.startsWith('#')) return { format: 'snap-temporal', why: 'a SNAP file with # comments' };
  return null;
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${n} bytes`;
}

/** The server's import limit as it is set ("200mb" → "200 MB"). */
function limitText(formats: FormatsResponse): string {
  return formats.importLimit.replace(/^\s*([\d.]+)\s*([a-z]+)\s*$/i, '$1 $2').toUpperCase();
}

function lineList(lines: readonly { line: number; message: string }[]): HTMLElement {
  return el('ul', { class: 'import-lines' }, [
    ...lines.slice(0, LISTED_LINES).map((l) => el('li', {}, [el('span', { class: 'import-line-no', text: `line ${l.line}` }), ` ${l.message}`])),
    lines.length > LISTED_LINES ? el('li', { class: 'muted', text: `and ${(lines.length - LISTED_LINES).toLocaleString('en-US')} more` }) : null,
  ]);
}

/** What to say of the store after a failed import: refusals (4xx) come before any write; other failures may not. */
export function afterFailure(status: number): string {
  return status >= 400 && status < 500
    ? 'Nothing was written.'
    : 'The import may have stopped part-way, with part of the file stored: importing the same file again completes it (into a database that was empty, clear it first; see the README).';
}

export interface ImportDialogOptions {
  api: Api;
  /** after a successful import, when the user asks to see the updated network */
  onShowNetwork(): void;
}

export interface ImportDialog {
  open(): void;
  readonly element: HTMLDialogElement;
}

export function createImportDialog(opts: ImportDialogOptions): ImportDialog {
  const { api } = opts;
  let formats: FormatsResponse | null = null;
  let file: File | null = null;
  let running: AbortController | null = null;

  const fileInput = el('input', { attrs: { type: 'file', id: 'import-file', 'aria-label': 'File to import' } });
  const dropText = el('span', { class: 'drop-text', text: 'Drop a file here or choose one' });
  const drop = el('label', { class: 'drop-zone', attrs: { for: 'import-file' } }, [dropText, fileInput]);
  const formatSelect = el('select', { attrs: { id: 'import-format', 'aria-label': 'Format' } });
  const guessNote = el('span', { class: 'muted small import-guess' });
  const formatHelp = el('p', { class: 'muted small import-help' });
  const skipBox = el('input', { attrs: { type: 'checkbox', id: 'import-skip' } });
  const sectorInput = el('input', { class: 'text-input', attrs: { type: 'text', id: 'import-sector', placeholder: 'general', maxlength: 100, 'aria-label': 'Sector of the created events' } });
  const sectorField = el('label', { class: 'field' }, [el('span', { text: 'Sector of the created events' }), sectorInput]);
  const progress = el('div', { class: 'import-progress', attrs: { hidden: true } }, [
    el('div', { class: 'progress-track' }, [el('div', { class: 'progress-fill' })]),
    el('span', { class: 'small muted progress-text' }),
  ]);
  const result = el('div', { class: 'import-result', attrs: { 'aria-live': 'polite' } });
  const submit = el('button', { class: 'btn btn-primary', text: 'Import', attrs: { type: 'submit', disabled: true } });
  const cancel = el('button', { class: 'btn btn-ghost', text: 'Close', attrs: { type: 'button' } });
  const show = el('button', { class: 'btn btn-primary', text: 'Show the updated network', attrs: { type: 'button', hidden: true } });
  const limitNote = el('span', { class: 'muted small' });
  const downloads = el('p', { class: 'small muted import-downloads' });

  const form = el('form', { class: 'import-form', attrs: { method: 'dialog' } }, [
    el('h2', { text: 'Import a file' }),
    el('p', { class: 'muted small', text: 'People, ties, influence events and introductions, as CSV, NDJSON, GEXF, GraphML or SNAP edge lists. Every line is checked before anything is written.' }),
    drop,
    el('label', { class: 'field' }, [el('span', { text: 'Format' }), formatSelect]),
    guessNote,
    formatHelp,
    sectorField,
    el('label', { class: 'check' }, [skipBox, ' Skip invalid lines and import the rest (otherwise one invalid line refuses the whole file)']),
    progress,
    result,
    el('div', { class: 'dialog-actions' }, [limitNote, cancel, show, submit]),
    downloads,
  ]);
  const dialog = el('dialog', { class: 'import-dialog', attrs: { 'aria-label': 'Import a file' } }, [form]);
  document.body.append(dialog);

  const fill = progress.querySelector<HTMLElement>('.progress-fill')!;
  const progressText = progress.querySelector<HTMLElement>('.progress-text')!;

  function setProgress(share: number | null, text: string): void {
    progress.hidden = false;
    progress.classList.toggle('indeterminate', share === null);
    fill.style.width = share === null ? '' : `${Math.round(share * 100)}%`;
    progressText.textContent = text;
  }

  function describeFormat(): void {
    const f = formats?.items.find((x) => x.name === formatSelect.value);
    formatHelp.textContent = f ? `${f.description} Required: ${f.columns.filter((c) => c.required).map((c) => c.name).join(', ') || 'none'}.` : '';
    sectorField.hidden = !SNAP_FORMATS.has(formatSelect.value);
    submit.disabled = file === null || formatSelect.value === '' || running !== null;
    for (const input of [fileInput, formatSelect, skipBox, sectorInput]) input.disabled = running !== null;
    drop.classList.toggle('disabled', running !== null);
  }

  async function loadFormats(): Promise<void> {
    if (formats) return;
    try {
      formats = await api.formats();
    } catch (err) {
      result.replaceChildren(el('p', { class: 'error', text: `The formats could not be loaded: ${err instanceof Error ? err.message : String(err)}` }));
      return;
    }
    clear(formatSelect);
    formatSelect.append(el('option', { text: 'Choose a format…', attrs: { value: '' } }));
    for (const f of formats.items) formatSelect.append(el('option', { text: f.name, attrs: { value: f.name } }));
    // A copy of what is stored, before adding to it (or to move it to another Catalyst, or to Gephi).
    const exportable = formats.items.filter((f) => f.export);
    clear(downloads);
    append(downloads, [
      'Download everything stored: ',
      ...exportable.flatMap((f, k) => [
        k > 0 ? ' · ' : null,
        el('a', { text: f.name, attrs: { href: `/api/export?format=${encodeURIComponent(f.name)}`, download: '', 'data-format': f.name } }),
      ]),
    ]);
    limitNote.textContent = `Up to ${limitText(formats)} per file`;
    describeFormat();
  }

  async function choose(chosen: File): Promise<void> {
    file = chosen;
    dropText.textContent = `${chosen.name} · ${formatBytes(chosen.size)}`;
    drop.classList.add('has-file');
    result.replaceChildren();
    show.hidden = true;
    progress.hidden = true;
    await loadFormats();
    // Too big for the server: say so now rather than after uploading it all.
    const limit = formats?.importLimitBytes ?? null;
    if (limit !== null && chosen.size > limit) {
      file = null;
      result.replaceChildren(
        el('p', { class: 'error', text: `${chosen.name} is ${formatBytes(chosen.size)}; the server takes up to ${formatBytes(limit)} per import (CATALYST_IMPORT_LIMIT).` }),
        el('p', { class: 'small muted', text: 'Import it from the command line instead, which reads files of any size: npx catalyst import FILE --format FORMAT' }),
      );
      describeFormat();
      return;
    }
    const head = new Uint8Array(await chosen.slice(0, 65_536).arrayBuffer());
    const gzipped = head[0] === 0x1f && head[1] === 0x8b;
    const guess = guessFormat(chosen.name, gzipped ? '' : new TextDecoder().decode(head), gzipped);
    if (guess && formats?.items.some((f) => f.name === guess.format)) {
      formatSelect.value = guess.format;
      guessNote.textContent = `Guessed from the file: ${guess.why}.`;
    } else {
      formatSelect.value = '';
      guessNote.textContent = 'The format could not be told from the file: choose it.';
    }
    describeFormat();
  }

  fileInput.addEventListener('change', () => {
    const chosen = fileInput.files?.[0];
    if (chosen) void choose(chosen);
  });
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('dragging');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('dragging');
    const chosen = e.dataTransfer?.files[0];
    if (chosen) void choose(chosen);
  });
  formatSelect.addEventListener('change', () => {
    guessNote.textContent = '';
    describeFormat();
  });

  function showSuccess(r: ImportResponse, name: string): void {
    const seconds = r.ms / 1000;
    clear(result);
    append(result, [
      el('p', { class: 'ok', text: `Imported ${name}: ${r.lines.toLocaleString('en-US')} lines read; written ${describeWritten(r.written, r.created)} in ${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s.` }),
      r.skipped.length ? el('p', { class: 'small', text: `${r.skipped.length.toLocaleString('en-US')} invalid ${r.skipped.length === 1 ? 'line was' : 'lines were'} skipped:` }) : null,
      r.skipped.length ? lineList(r.skipped) : null,
    ]);
    show.hidden = false;
  }

  function showError(err: unknown): void {
    if (err instanceof ApiError && err.code === 'invalid_import') {
      const lines = ((err.details as { errors?: { line: number; message: string }[] } | undefined)?.errors ?? []).filter((l) => Number.isFinite(l.line));
      clear(result);
      append(result, [
        el('p', { class: 'error', text: err.message }),
        lines.length ? lineList(lines) : null,
        el('p', { class: 'small muted', text: 'Nothing was written. Fix these lines, or tick "Skip invalid lines" to import the rest.' }),
      ]);
      return;
    }
    const message = err instanceof Error ? err.message : String(err);
    result.replaceChildren(el('p', { class: 'error', text: message }), el('p', { class: 'small muted', text: afterFailure(err instanceof ApiError ? err.status : 0) }));
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!file || !formatSelect.value || running) return;
    const sending = file;
    const controller = new AbortController();
    running = controller;
    describeFormat();
    result.replaceChildren();
    show.hidden = true;
    cancel.textContent = 'Cancel';
    setProgress(0, `Uploading ${sending.name}…`);
    const id = progressId();
    const query = {
      format: formatSelect.value,
      skipInvalid: skipBox.checked,
      sector: SNAP_FORMATS.has(formatSelect.value) && sectorInput.value.trim() ? sectorInput.value.trim() : null,
      progress: id,
    };
    // Once the file is up, the server's own progress: its check of every line, then its writing.
    let polling: ReturnType<typeof setTimeout> | undefined;
    let uploaded = false;
    const poll = async () => {
      try {
        const p = await api.importProgress(id, controller.signal);
        if (running !== controller) return;
        const d = describeProgress(p);
        setProgress(d.share, d.text);
      } catch {
        // not started yet, or already over: the POST's answer says the rest
      }
      if (running === controller) polling = setTimeout(() => void poll(), PROGRESS_POLL_MS);
    };
    api
      .importFile(
        sending,
        query,
        (sent, total) => {
          if (sent < total) setProgress(sent / total, `Uploading: ${formatBytes(sent)} of ${formatBytes(total)}`);
          else if (polling === undefined) {
            uploaded = true;
            setProgress(null, 'Uploaded; the server is checking every line…');
            polling = setTimeout(() => void poll(), PROGRESS_POLL_MS / 2);
          }
        },
        controller.signal,
      )
      .then(
        (r) => showSuccess(r, sending.name),
        async (err: unknown) => {
          if ((err as Error).name !== 'AbortError') return showError(err);
          clearTimeout(polling);
          // Asked even when the upload seemed unfinished: a small file's upload may end without a progress event.
          const state = await stoppedState(id);
          const said = describeCancelled(uploaded || state !== null, state);
          result.replaceChildren(el('p', { class: said.written ? '' : 'muted', text: said.text }));
          show.hidden = !said.written;
        },
      )
      .finally(() => {
        clearTimeout(polling);
        running = null;
        progress.hidden = true;
        cancel.textContent = 'Close';
        describeFormat();
      });
  });

  /** The server's entry for a cancelled import once it has stopped (it stops between batches), or null if it never started. */
  async function stoppedState(id: string): Promise<ImportProgressResponse | null> {
    setProgress(null, 'Stopping the import on the server…');
    const until = Date.now() + STOP_WAIT_MS;
    let seen: ImportProgressResponse | null = null;
    for (let attempt = 0; Date.now() < until; attempt++) {
      try {
        seen = await api.importProgress(id);
        if (seen.phase !== 'validating' && seen.phase !== 'writing') return seen;
      } catch {
        // 404: not started (an upload cut at its last bytes); give the server a moment before concluding so
        if (seen === null && attempt >= 3) return null;
      }
      await new Promise((resolve) => setTimeout(resolve, PROGRESS_POLL_MS));
    }
    return seen;
  }

  cancel.addEventListener('click', () => {
    if (running) running.abort();
    else dialog.close();
  });
  show.addEventListener('click', () => {
    dialog.close();
    opts.onShowNetwork();
  });

  return {
    element: dialog,
    open() {
      dialog.showModal();
      void loadFormats();
    },
  };
}
