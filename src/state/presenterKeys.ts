/**
 * The presenter's clicker: the keys a clicker sends (PageDown / PageUp, or the arrow
 * keys) and the actions they ask for. The UI's one keyboard handler
 * (ui/App/usePresentationKeys.ts) routes every such key here, and only here.
 *
 * `step` and `stepBack` do nothing yet: the controlled-run engine (issue 11: Pause,
 * Step, Step back) implements them by calling `setPresenterActions` with its own, e.g.
 * Step from idle starts a paused controlled run, and Step back re-executes to the
 * previous step. The clicker then works without any change in the UI.
 */

export type PresenterAction = "step" | "stepBack";

export type PresenterActions = Record<PresenterAction, () => void>;

/** What a clicker's key asks for; null for any other key. */
export function presenterActionFor(key: string): PresenterAction | null {
  switch (key) {
    case "PageDown":
    case "ArrowRight":
      return "step";
    case "PageUp":
    case "ArrowLeft":
      return "stepBack";
    default:
      return null;
  }
}

const noOp = () => undefined;

let actions: PresenterActions = { step: noOp, stepBack: noOp };

/** Installs the engine's step and stepBack (returns the ones it replaced). */
export function setPresenterActions(next: PresenterActions): PresenterActions {
  const previous = actions;
  actions = next;
  return previous;
}

/** Runs the action a key asks for; returns it, or null when the key is not a clicker's. */
export function dispatchPresenterKey(key: string): PresenterAction | null {
  const action = presenterActionFor(key);
  if (action) actions[action]();
  return action;
}
