/**
 * Export trace: the last run downloads as the Chrome trace the CLI's `--trace` writes,
 * with a flow from each put to the get that took its item.
 */
import { expect, test } from "./fixtures";
import { snippet } from "./support/snippets";

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  args?: { name?: string; itemId?: number; item?: string };
  bind_id?: number;
  flow_in?: boolean;
  flow_out?: boolean;
}

test.describe("Export trace", () => {
  test("downloads the finished run as a Chrome trace with its processes, operations and flows", async ({ app }) => {
    await app.goto();
    await app.toolbar.selectExample("queue");
    await expect(app.toolbar.exportTraceButton, "no run yet").toBeDisabled();

    await app.run();
    await app.expectFinished(0);
    const mainPid = await app.timeline.lanePid("MainProcess");
    const childPid = await app.timeline.lanePid("Process-1");
    await expect(app.toolbar.exportTraceButton).toBeEnabled();

    const file = await app.toolbar.exportTrace();
    expect(file.name).toMatch(/^mp-playground-trace-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.json$/);
    const { traceEvents } = JSON.parse(file.text) as { traceEvents: TraceEvent[] };

    const processNames = traceEvents.filter((e) => e.ph === "M" && e.name === "process_name").map((e) => e.args?.name);
    expect(processNames).toEqual([`MainProcess (pid ${mainPid})`, `Process-1 (pid ${childPid})`]);
    expect(traceEvents.some((e) => e.ph === "X" && e.name === "MainProcess" && e.pid === mainPid)).toBe(true);

    const put = traceEvents.filter((e) => e.name === "put");
    const get = traceEvents.filter((e) => e.name === "get");
    expect(put.map((e) => [e.pid, e.args?.item])).toEqual([[childPid, "['one', 'two', 3]"]]);
    expect(get.map((e) => e.pid)).toEqual([mainPid]);
    expect([put[0]!.flow_out, get[0]!.flow_in]).toEqual([true, true]);
    expect(get[0]!.bind_id).toBe(put[0]!.bind_id);
    const stdout = traceEvents.filter((e) => e.name === "stdout").map((e) => (e.args as { text?: string }).text);
    expect(stdout).toEqual(["['one', 'two', 3]\n"]);
  });

  test("is there once a run has ended, not while it runs", async ({ app }) => {
    await app.goto(snippet("main-loops"));
    await app.run();
    await app.toolbar.expectStatus("running");
    await expect(app.toolbar.exportTraceButton).toBeDisabled();
    await app.stop();
    await app.waitForStatus("stopped");
    await expect(app.toolbar.exportTraceButton).toBeEnabled();
    const { traceEvents } = JSON.parse((await app.toolbar.exportTrace()).text) as { traceEvents: TraceEvent[] };
    expect(traceEvents.filter((e) => e.name === "stdout").map((e) => e.args)).toEqual([{ text: "looping forever\n" }]);
  });
});
