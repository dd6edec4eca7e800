/**
 * Queues and pipes: a producer puts ten items into a Queue(3) and the main process gets
 * them. The queue gets a place below the lanes, each item an arrow from the producer
 * through the place to the consumer, and the Inspector shows what is inside at the playhead.
 */
import { expect, test } from "./fixtures";
import { snippet } from "./support/snippets";

const code = snippet("queue-producer");

test.describe("Queues", () => {
  test("the queue's place shows its items, arrows join each put to its get, and the Inspector shows the contents at the playhead", async ({
    app,
  }) => {
    await app.goto(code);
    await app.run();
    await app.expectFinished(0);
    const { timeline, inspector } = app;

    // One place, named after the queue, bounded by its maxsize.
    await expect(timeline.objects).toHaveCount(1);
    const place = timeline.object("Queue-1");
    await expect(place).toBeVisible();
    await expect(place).toHaveAttribute("data-kind", "Queue");
    await expect(place.getByTestId("timeline.ceiling")).toContainText("maxsize 3");
    await expect(place).toHaveAttribute("data-length", "0");

    // Every item made one trip, from Process-1 to MainProcess.
    await expect(timeline.transfers).toHaveCount(10);
    const pids = { producer: await timeline.lanePid("Process-1"), consumer: await timeline.lanePid("MainProcess") };
    const first = timeline.transfers.and(app.page.locator("[data-item=\"'item 0'\"]"));
    await expect(first).toHaveAttribute("data-from", String(pids.producer));
    await expect(first).toHaveAttribute("data-to", String(pids.consumer));
    const chips = timeline.chips(place);
    await expect(chips).toHaveCount(10);

    // Hovering an item tells its trip.
    await chips.nth(3).hover();
    await expect(timeline.tooltip).toContainText("'item 3' through Queue-1");
    await expect(timeline.tooltip).toContainText("put by Process-1");
    await expect(timeline.tooltip).toContainText("got by MainProcess");
    await expect(timeline.tooltip).toContainText(/waited \d/);

    // Clicking the place picks it for the Inspector; at the end of the run it is empty.
    await place.getByRole("button", { name: /Queue-1/ }).click();
    await expect(place).toHaveAttribute("data-selected", "true");
    await expect(inspector.root).toBeVisible();
    await expect(inspector.label).toHaveText("Queue-1");
    await expect(inspector.stats).toContainText("10 put");
    await expect(inspector.stats).toContainText("10 got");
    await expect(inspector.items).toHaveCount(0);

    // Put the playhead in the middle of item 3's stay: it is inside, behind nothing older than itself.
    const box = await chips.nth(3).boundingBox();
    if (!box) throw new Error("item 3 is not drawn");
    await timeline.clickAxisAt(box.x + box.width / 2);
    await expect(inspector.when).toHaveText(/^at /);
    await expect.poll(() => inspector.itemReprs()).toContain("'item 3'");
    const reprs = await inspector.itemReprs();
    expect(reprs.length).toBeGreaterThanOrEqual(1);
    expect(reprs.length).toBeLessThanOrEqual(3);
    // Front first: items come out in the order they went in.
    const order = reprs.map((r) => Number(/\d+/.exec(r)?.[0]));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    await expect(place.getByTestId("timeline.object-state")).toContainText(`${reprs.length} item`);
  });

  test("100,000 queue operations: zooming, panning and scrubbing stay fluid, and every item is counted", async ({
    app,
  }) => {
    test.setTimeout(90_000);
    await app.goto(snippet("hundred-thousand-ops"));
    await app.run();
    await app.expectFinished(0, 60_000);
    await expect(app.console.lines.last()).toContainText("sum 1249975000");
    const { timeline, inspector } = app;
    const place = timeline.object("Queue-1");
    await expect(place).toHaveAttribute("data-length", "0");
    await expect(inspector.stats).toContainText("50000 put");
    await expect(inspector.stats).toContainText("50000 got");

    const track = await place.boundingBox();
    if (!track) throw new Error("the queue's place is not on screen");
    const samples: number[] = [];
    const sample = async () => samples.push(await app.frameRoundTrip());
    // Zoom in step by step, then out again.
    for (let i = 0; i < 6; i++) {
      await timeline.zoomIn.click();
      await sample();
    }
    // Pan sideways with the wheel, over the place.
    await app.page.mouse.move(track.x + track.width / 2, track.y + track.height / 2);
    for (let i = 0; i < 6; i++) {
      await app.page.mouse.wheel(-400, 0);
      await sample();
    }
    for (let i = 0; i < 6; i++) {
      await timeline.zoomOut.click();
      await sample();
    }
    // Scrub: the playhead to ten places along the run; the Inspector follows.
    const axis = await timeline.axis.boundingBox();
    if (!axis) throw new Error("the time axis is not on screen");
    for (let i = 1; i <= 10; i++) {
      await timeline.clickAxisAt(axis.x + (axis.width * i) / 11);
      await sample();
    }
    await expect(inspector.when).toContainText("at ");
    test.info().annotations.push({ type: "frame round trips (ms)", description: samples.join(", ") });
    expect(Math.max(...samples), `frame round trips: ${samples.join(", ")} ms`).toBeLessThan(500);
  });
});
