// The side panels: beside the graph on a wide screen; below 900 px, drawers the header's
// Filters and Details buttons open and close, so that the graph keeps the room. A closed
// drawer is inert: neither the keyboard nor a screen reader reaches what is off screen.
import { $ } from './dom';

const narrow = window.matchMedia('(max-width: 900px)');

/**
 * Opens the details panel (a drawer on a phone), wide for paths, reports and tables. On a
 * phone the Filters drawer closes: it would cover what the panel shows on the graph.
 */
export function setPanel(wide: boolean): void {
  $('panel').classList.toggle('wide', wide);
  setOpen('panel', true);
  if (narrow.matches) setOpen('controls', false);
}

const toggles = { panel: 'toggle-panel', controls: 'toggle-controls' } as const;
type Drawer = keyof typeof toggles;

function setOpen(drawer: Drawer, open: boolean): void {
  document.body.classList.toggle(`${drawer}-open`, open);
  $(toggles[drawer]).setAttribute('aria-expanded', String(open));
  sync();
}

/** Makes the drawers closed on a narrow screen inert, and every one reachable on a wide one. */
function sync(): void {
  for (const drawer of Object.keys(toggles) as Drawer[]) {
    $(drawer).inert = narrow.matches && !document.body.classList.contains(`${drawer}-open`);
  }
}

export function setupDrawers(): void {
  for (const drawer of Object.keys(toggles) as Drawer[]) {
    $(toggles[drawer]).addEventListener('click', () => setOpen(drawer, !document.body.classList.contains(`${drawer}-open`)));
  }
  narrow.addEventListener('change', sync);
  sync();
}
