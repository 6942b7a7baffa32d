/**
 * The panels fold away so the graph has the room: the filters' side panel (a bottom sheet on a
 * phone), and the details drawer over the graph. The side panel's fold is the user's; the
 * drawer opens with what it shows (a selection, a focused community) and its button opens the
 * introduction or closes what is open. Folding only toggles classes on the page: the stage's
 * resize is what redraws the graph.
 */
import { Listeners } from '../dom.ts';

/** Below this width the side panel starts folded (a phone: the graph comes first). */
const NARROW = '(max-width: 700px)';

export interface PanelToggles {
  /** Whether the drawer shows something the state asks for (a selection, a community). */
  setDetailsWanted(wanted: boolean): void;
  dispose(): void;
}

export interface PanelElements {
  app: HTMLElement;
  sideToggle: HTMLButtonElement;
  detailsToggle: HTMLButtonElement;
}

/** `closeDetails` clears what the drawer shows (the selection, the focus) when its button closes it. */
export function createPanelToggles(els: PanelElements, closeDetails: () => void): PanelToggles {
  const listeners = new Listeners();
  let sideOpen = !window.matchMedia(NARROW).matches;
  let wanted = false;
  let introOpen = false;

  const render = () => {
    const detailsOpen = wanted || introOpen;
    els.app.classList.toggle('side-folded', !sideOpen);
    els.app.classList.toggle('details-open', detailsOpen);
    els.sideToggle.setAttribute('aria-expanded', String(sideOpen));
    els.detailsToggle.setAttribute('aria-expanded', String(detailsOpen));
  };

  listeners.on(els.sideToggle, 'click', () => {
    sideOpen = !sideOpen;
    render();
  });
  listeners.on(els.detailsToggle, 'click', () => {
    if (wanted) closeDetails();
    else introOpen = !introOpen;
    render();
  });
  render();

  return {
    setDetailsWanted(next) {
      wanted = next;
      if (next) introOpen = false;
      render();
    },
    dispose() {
      listeners.dispose();
      els.app.classList.remove('side-folded', 'details-open');
    },
  };
}
