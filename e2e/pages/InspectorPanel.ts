import type { Locator, Page } from "@playwright/test";

/** The Inspector beside the timeline: the picked queue, pipe or lock at the playhead. */
export class InspectorPanel {
  readonly root: Locator;
  /** The object's label ("Queue-1"). */
  readonly label: Locator;
  /** "now" or "at 769 ms". */
  readonly when: Locator;
  /** "6 put 3 got 3 inside". */
  readonly stats: Locator;
  /** The items inside, front first. */
  readonly items: Locator;
  /** How full a bounded queue is (role meter). */
  readonly gauge: Locator;
  /** The scrolling list of the items inside (a focusable region). */
  readonly itemList: Locator;
  /** A lock's holders at the playhead, and its waiters in the order they began waiting. */
  readonly holders: Locator;
  readonly waiters: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole("region", { name: "Inspector" });
    this.label = this.root.getByTestId("inspector.label");
    this.when = this.root.getByTestId("inspector.when");
    this.stats = this.root.getByTestId("inspector.stats");
    this.items = this.root.getByTestId("inspector.item");
    this.gauge = this.root.getByRole("meter", { name: "Slots used" });
    this.itemList = this.root.getByRole("region", { name: /^Items inside / });
    this.holders = this.root.getByTestId("inspector.holder");
    this.waiters = this.root.getByTestId("inspector.waiter");
  }

  /** The items' reprs, front first ("'item 3'", ...). */
  async itemReprs(): Promise<string[]> {
    return this.items.locator(".insp-item-repr").allTextContents();
  }
}
