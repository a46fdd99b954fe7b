/**
 * The line at the foot of the map that says what a change did and offers to take it back ("Deleted Omar Haddad.
 * Undo"): it stays until closed (×) or replaced by the next, so an Undo is never lost to a timer. The action's
 * button is disabled while it runs.
 */
import { append, el } from './dom.ts';

export interface ToastAction {
  label: string;
  run(): void | Promise<void>;
}

export interface Toast {
  /** `onClose`: the line was closed by its × (not replaced by the next) */
  show(text: string, opts?: { action?: ToastAction; kind?: 'info' | 'error'; onClose?: () => void }): void;
  hide(): void;
}

export function createToast(host: HTMLElement): Toast {
  host.classList.add('toast');
  host.hidden = true;
  const hide = () => {
    host.hidden = true;
    host.replaceChildren();
  };
  return {
    show(text, opts = {}) {
      const action = opts.action;
      const button = action ? el('button', { class: 'btn btn-small toast-action', text: action.label, attrs: { type: 'button' } }) : null;
      button?.addEventListener('click', async () => {
        button.disabled = true;
        await action!.run();
        button.disabled = false;
      });
      const close = el('button', { class: 'toast-close', text: '×', title: 'Close', attrs: { type: 'button', 'aria-label': 'Close' } });
      close.addEventListener('click', () => {
        hide();
        opts.onClose?.();
      });
      host.className = `toast ${opts.kind === 'error' ? 'error' : ''}`;
      host.replaceChildren();
      append(host, [el('span', { class: 'toast-text', text }), button, close]);
      host.hidden = false;
    },
    hide,
  };
}
