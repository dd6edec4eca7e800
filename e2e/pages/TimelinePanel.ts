import { expect, type Locator, type Page } from "@playwright/test";

/** The timeline: one lane per process, blocked spans, marks, exit markers, a playhead. */
export class TimelinePanel {
  readonly root: Locator;
  readonly lanes: Locator;
  readonly axis: Locator;
  readonly playhead: Locator;
  readonly playheadHandle: Locator;
  readonly liveButton: Locator;
  readonly readout: Locator;
  readonly tooltip: Locator;
  /** The places of queues and pipes, below the process lanes. */
  readonly objects: Locator;
  /** One per item that moved through a queue or pipe (put leg and get leg). */
  readonly transfers: Locator;
  readonly zoomIn: Locator;
  readonly zoomOut: Locator;

  constructor(readonly page: Page) {
    // The panel's <section> is also a region named "Timeline"; the test id picks the widget.
    this.root = page.getByTestId("timeline.root");
    this.lanes = this.root.getByTestId("timeline.lane");
    this.axis = this.root.getByTestId("timeline.axis");
    this.playhead = this.root.getByTestId("timeline.playhead");
    this.playheadHandle = this.root.getByRole("slider", { name: "Playhead" });
    this.liveButton = this.root.getByRole("button", { name: "Live" });
    this.readout = this.root.getByTestId("timeline.readout");
    this.tooltip = this.root.getByRole("tooltip");
    this.objects = this.root.getByTestId("timeline.object");
    this.transfers = this.root.getByTestId("timeline.transfer");
    this.zoomIn = this.root.getByRole("button", { name: "Zoom in" });
    this.zoomOut = this.root.getByRole("button", { name: "Zoom out" });
  }

  /** The timeline's share of the window's height (0..1), as drawn. */
  async heightShare(): Promise<number> {
    return this.root.evaluate((tl) => tl.getBoundingClientRect().height / window.innerHeight);
  }

  /**
   * The process lanes not wholly on screen: outside the box the lanes scroll in (within
   * 1 px), or outside the window. Each as "name: top-bottom vs view top-bottom".
   */
  async lanesOutOfView(): Promise<string[]> {
    const view = await this.root.locator(".tl-scroll").boundingBox();
    if (!view) throw new Error("the lanes' view is not drawn");
    const boxes = await this.lanes.evaluateAll((lanes) =>
      lanes.map((l) => {
        const box = l.getBoundingClientRect();
        return { name: l.getAttribute("aria-label") ?? "?", top: box.top, bottom: box.bottom, right: box.right };
      }),
    );
    const viewBottom = Math.min(view.y + view.height, await this.page.evaluate(() => window.innerHeight));
    return boxes
      .filter((b) => b.top < view.y - 1 || b.bottom > viewBottom + 1 || b.right > view.x + view.width + 1)
      .map((b) => `${b.name}: ${b.top}-${b.bottom} vs view ${view.y}-${viewBottom}`);
  }

  /** A process's lane, by the process's name. */
  lane(name: string): Locator {
    return this.root.getByRole("group", { name, exact: true });
  }

  /** A queue's or pipe's place, by its label ("Queue-1"). */
  object(label: string): Locator {
    return this.objects.and(this.root.getByRole("group", { name: label, exact: true }));
  }

  /** Who held a lock when: one band per hold, with the holder's pid in data-pid. */
  holds(place: Locator): Locator {
    return place.getByTestId("timeline.hold");
  }

  /** The processes waiting for a lock, one bar per wait. */
  waits(place: Locator): Locator {
    return place.getByTestId("timeline.wait");
  }

  /** Arrows from a release to the waiting acquire it let through. */
  get handovers(): Locator {
    return this.root.getByTestId("timeline.handover");
  }

  /** The badge on the timeline's bar when the run ended in a deadlock. */
  get deadlockBadge(): Locator {
    return this.root.getByTestId("timeline.deadlock");
  }

  /** The items drawn inside a place (when zoomed in enough to draw each one). */
  chips(place: Locator): Locator {
    return place.getByTestId("timeline.chip");
  }

  async laneNames(): Promise<string[]> {
    return this.lanes.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? ""));
  }

  async lanePid(name: string): Promise<number> {
    return Number(await this.lane(name).getAttribute("data-pid"));
  }

  blocks(lane: Locator): Locator {
    return lane.getByTestId("timeline.block");
  }

  /** A lane's blocked spans of one kind of wait ("join", "sleep", ...). */
  blocksOn(lane: Locator, op: string): Locator {
    return lane.locator(`[data-testid="timeline.block"][data-op="${op}"]`);
  }

  exitMarker(lane: Locator): Locator {
    return lane.getByTestId("timeline.exit");
  }

  /** The lane's state where the playhead stands ("blocked in join(...) since ..."). */
  stateAtPlayhead(lane: Locator): Locator {
    return lane.getByTestId("timeline.state");
  }

  /** The computed colour of the lane's colour swatch (next to its name). */
  async swatchColor(lane: Locator): Promise<string> {
    return lane.locator(".tl-swatch").evaluate((el) => getComputedStyle(el).backgroundColor);
  }

  async expectExited(name: string, exitCode: number, options: { timeout?: number } = {}): Promise<void> {
    await expect(this.lane(name)).toHaveAttribute("data-exit-code", String(exitCode), options);
  }

  /** Clicks the time axis straight above page x-coordinate `clientX` (moves the playhead there). */
  async clickAxisAt(clientX: number): Promise<void> {
    const box = await this.axis.boundingBox();
    if (!box) throw new Error("The timeline axis is not visible");
    await this.axis.click({ position: { x: clientX - box.x, y: box.height / 2 } });
  }

  async goLive(): Promise<void> {
    await this.liveButton.click();
  }
}
