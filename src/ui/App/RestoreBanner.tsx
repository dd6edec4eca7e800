import { useStore } from "zustand";
import { examples } from "../../examples";
import { editorStore, restoreWork } from "./appState";
import { Banner } from "./NoticeBanner";

/**
 * Offers back the work that a link or Revert took out of the editor (editorStore.offer),
 * until the learner restores it, dismisses it or edits the code that replaced it.
 */
export function RestoreBanner() {
  const offer = useStore(editorStore, (s) => s.offer);
  if (offer === null) return null;
  const title = examples.find((e) => e.id === offer.exampleId)?.title;
  const text =
    offer.reason === "link"
      ? `This link replaced your saved code${title ? ` (your edits to “${title}”)` : ""}.`
      : `${title ? `“${title}” is` : "The shared code is"} back to its original code.`;
  return (
    <Banner
      testId="restore"
      role="status"
      onDismiss={() => editorStore.getState().dismissOffer()}
      actions={
        <button type="button" className="btn notice__action" onClick={restoreWork}>
          {offer.reason === "link" ? "Restore my code" : "Undo"}
        </button>
      }
    >
      {text}
    </Banner>
  );
}
