/**
 * Locks: a place per lock showing who holds it over time, the waiting process's lane
 * naming the holder, and a deadlock's cycle ringed on the timeline.
 */
import { expect, test } from "./fixtures";
import { snippet } from "./support/snippets";

test.describe("Locks", () => {
  test("the lock's place shows its holders, and the waiting lane names who holds it", async ({ app }) => {
    await app.goto(snippet("lock-contention"));
    await app.run();
    await app.expectFinished(0);
    const { timeline } = app;

    const place = timeline.object("Lock-1");
    await expect(place).toBeVisible();
    await expect(place).toHaveAttribute("data-kind", "Lock");
    const [holder, waiter] = [await timeline.lanePid("Process-1"), await timeline.lanePid("Process-2")];
    // Process-1 held it, then Process-2, in that order; Process-2 waited once in between.
    const holds = timeline.holds(place);
    await expect(holds).toHaveCount(2);
    await expect(holds.nth(0)).toHaveAttribute("data-pid", String(holder));
    await expect(holds.nth(1)).toHaveAttribute("data-pid", String(waiter));
    await expect(timeline.waits(place)).toHaveCount(1);
    await expect(timeline.handovers).toHaveCount(1);
    await expect(timeline.handovers.first()).toHaveAttribute("data-from", String(holder));
    await expect(timeline.handovers.first()).toHaveAttribute("data-to", String(waiter));

    // The playhead in the middle of Process-2's wait: its lane says whose lock it waits for.
    const lane = timeline.lane("Process-2");
    const box = await timeline.blocksOn(lane, "obj").first().boundingBox();
    if (!box) throw new Error("Process-2's wait is not drawn");
    await timeline.clickAxisAt(box.x + box.width / 2);
    await expect(timeline.stateAtPlayhead(lane)).toContainText("blocked in acquire(Lock-1), held by Process-1");
    await expect(place.getByTestId("timeline.object-state")).toContainText("held by Process-1 · 1 waiting");

    // Picked, the Inspector shows the lock at the playhead: its holder and its waiter.
    const { inspector } = app;
    await place.getByRole("button", { name: /Lock-1/ }).click();
    await expect(inspector.label).toHaveText("Lock-1");
    await expect(inspector.stats).toContainText("held");
    await expect(inspector.stats).toContainText("1 waiting");
    await expect(inspector.holders).toHaveText([/Process-1/]);
    await expect(inspector.waiters).toHaveText([/Process-2.*acquire/]);
  });

  test("a deadlock says so and rings the processes and locks of its cycle", async ({ app }) => {
    await app.goto(snippet("deadlock-opposite-locks"));
    await app.run();
    await app.waitForStatus("deadlocked");
    const { timeline, toolbar } = app;
    await expect(toolbar.status).toContainText("Deadlocked");
    // A deadlocked run has ended: its trace can be exported, like a finished one's.
    await expect(toolbar.exportTraceButton).toBeEnabled();

    await expect(timeline.deadlockBadge).toContainText("Deadlocked");
    await expect(timeline.deadlockBadge).toContainText("Process-1");
    await expect(timeline.deadlockBadge).toHaveAttribute("title", /.+/);
    for (const name of ["Process-1", "Process-2"])
      await expect(timeline.lane(name)).toHaveAttribute("data-deadlocked", "true");
    await expect(timeline.lane("MainProcess")).not.toHaveAttribute("data-deadlocked", "true");
    for (const label of ["Lock-1", "Lock-2"]) await expect(timeline.object(label)).toHaveClass(/deadlocked/);
    // The Inspector opens on a lock of the cycle, held by one process and awaited by the other.
    await expect(app.inspector.label).toHaveText(/^Lock-[12]$/);
    await expect(app.inspector.holders).toHaveCount(1);
    await expect(app.inspector.waiters).toHaveCount(1);
    // The ring is drawn, in the error colour.
    const ring = await timeline.lane("Process-1").evaluate((el) => getComputedStyle(el).boxShadow);
    expect(ring).toContain("rgb(255, 107, 107)");
  });
});
