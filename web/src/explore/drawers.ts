// The side panels: beside the graph on a wide screen; below 900 px, drawers the header's
// Filters and Details buttons open and close, so that the graph keeps the room.
import { $ } from './dom';

const phone = () => window.matchMedia('(max-width: 900px)').matches;

/**
 * Opens the details panel (a drawer on a phone), wide for paths, reports and tables. On a
 * phone the Filters drawer closes: it would cover what the panel shows on the graph.
 */
export function setPanel(wide: boolean): void {
  $('panel').classList.toggle('wide', wide);
  document.body.classList.add('panel-open');
  $('toggle-panel').setAttribute('aria-expanded', 'true');
  if (phone()) setControls(false);
}

function setControls(open: boolean): void {
  document.body.classList.toggle('controls-open', open);
  $('toggle-controls').setAttribute('aria-expanded', String(open));
}

export function setupDrawers(): void {
  $('toggle-panel').addEventListener('click', () => {
    const open = document.body.classList.toggle('panel-open');
    $('toggle-panel').setAttribute('aria-expanded', String(open));
  });
  $('toggle-controls').addEventListener('click', () => setControls(!document.body.classList.contains('controls-open')));
}
