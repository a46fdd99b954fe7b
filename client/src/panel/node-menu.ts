/**
 * The menu a right-click on a person of the map opens, as Gephi's and Bloom's do: what can be done with them from
 * there (their profile, their neighbourhood, …). It opens at the pointer, kept inside the map; arrow keys move
 * through it, Enter picks, and Escape, a click elsewhere or the map moving closes it.
 */
import { el } from './dom.ts';

export interface NodeMenuItem {
  label: string;
  title?: string;
  run(): void;
}

export interface NodeMenu {
  /** opens the menu for a person at a point of `container` (pixels from its top left); replaces one open */
  open(at: { x: number; y: number }, heading: string, items: readonly NodeMenuItem[]): void;
  close(): void;
  readonly isOpen: boolean;
}

/** Where a menu of this size goes so that it stays inside the container: at the point, or flipped left or up. */
export function menuPlace(at: { x: number; y: number }, menu: { width: number; height: number }, box: { width: number; height: number }): { left: number; top: number } {
  const left = at.x + menu.width <= box.width ? at.x : Math.max(0, at.x - menu.width);
  const top = at.y + menu.height <= box.height ? at.y : Math.max(0, at.y - menu.height);
  return { left, top };
}

export function createNodeMenu(container: HTMLElement): NodeMenu {
  let menu: HTMLElement | null = null;
  let detach: (() => void) | null = null;

  const close = () => {
    detach?.();
    detach = null;
    menu?.remove();
    menu = null;
  };

  return {
    get isOpen() {
      return menu !== null;
    },
    close,
    open(at, heading, items) {
      close();
      const buttons = items.map((item) => {
        const button = el('button', { class: 'node-menu-item', text: item.label, title: item.title, attrs: { type: 'button', role: 'menuitem' } });
        button.addEventListener('click', () => {
          close();
          item.run();
        });
        return button;
      });
      const root = el('div', { class: 'node-menu', attrs: { role: 'menu', 'aria-label': heading } }, [el('div', { class: 'node-menu-head', text: heading }), ...buttons]);
      container.append(root);
      menu = root;
      const place = menuPlace(at, { width: root.offsetWidth, height: root.offsetHeight }, { width: container.clientWidth, height: container.clientHeight });
      root.style.left = `${place.left}px`;
      root.style.top = `${place.top}px`;
      buttons[0]?.focus();

      const onKey = (e: KeyboardEvent) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          close();
          return;
        }
        if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
        e.preventDefault();
        const k = buttons.indexOf(document.activeElement as HTMLButtonElement);
        const next = e.key === 'ArrowDown' ? (k + 1) % buttons.length : (k - 1 + buttons.length) % buttons.length;
        buttons[next]?.focus();
      };
      const onPointer = (e: Event) => {
        if (!root.contains(e.target as Node)) close();
      };
      // a press elsewhere, a wheel on the map or the window losing focus closes it (the right-click's own press came
      // before its contextmenu event, which opened this)
      document.addEventListener('pointerdown', onPointer, true);
      root.addEventListener('keydown', onKey);
      container.addEventListener('wheel', close, { passive: true });
      window.addEventListener('blur', close);
      detach = () => {
        document.removeEventListener('pointerdown', onPointer, true);
        container.removeEventListener('wheel', close);
        window.removeEventListener('blur', close);
      };
    },
  };
}
