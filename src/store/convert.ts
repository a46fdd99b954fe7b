/** Small conversions between stored rows and the domain's plain objects. */
import type { FadeSpec } from '../domain/model.ts';

export function msOrNull(iso: string | null | undefined): number | null {
  return iso == null ? null : Date.parse(iso);
}

export function isoOrNull(ms: unknown): string | null {
  return typeof ms === 'number' && Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

export function iso(ms: unknown): string {
  return isoOrNull(ms) ?? new Date(0).toISOString();
}

export function fadeToStored(fade: FadeSpec | null | undefined): string | null {
  return fade ? JSON.stringify(fade) : null;
}

export function fadeFromStored(stored: unknown): FadeSpec | null {
  if (typeof stored !== 'string' || stored === '') return null;
  try {
    return JSON.parse(stored) as FadeSpec;
  } catch {
    return null;
  }
}
