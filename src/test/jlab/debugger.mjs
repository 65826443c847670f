#!/usr/bin/env node
// JupyterLab 4 (this directory's build, served by main.py) in headless Chromium, debugging a
// scratchnet notebook the way a learner does: open the notebook, run a cell, switch the debugger on
// with the bug icon, click the gutter of the backward line of a training loop to set a breakpoint,
// run the loop, read the Variables panel while it is stopped, step into scratchnet's backward,
// step out and over to the update line, continue to the next iteration and to the end.
//
//   node src/test/jlab/debugger.mjs --jupyter-path DIR --screenshots target/jupyterlab
//   node src/test/jlab/debugger.mjs --list          (the steps' names)
//
// The arguments and the run are lab.mjs's: --jupyter-path DIR holds kernels/scratchnet/kernel.json;
// optional --python, --chromium, --timeout SECONDS, --keep. Prints "PASS step (…)" or
// "FAIL step: reason" for each step (a failed step ends the run), then "N passed, M failed".

import { notebook, openNotebook, runCell, runLab, sleep } from './lab.mjs';

// The notebook: data, then a hand-written training loop whose backward line (5) gets the breakpoint
const DATA_CELL = [
  'var x = arange(0.0, 1.0, 0.01);                     // 1×100',
  'var y = x.mul(2 * Math.PI).map(Math::sin).mul(20);  // 20·sin(2πx)',
].join('\n');
const LOOP_CELL = [
  'seed(0);',
  'var model = net(1, 25, 1).sigmoid().linear().init(uniform());',
  'for (int i = 0; i < 3; i++) {',
  '    var cache = model.forward(x);          // z1, a1, z2, a2',
  '    var grads = model.backward(cache, y);  // dw1, db1, dw2, db2',
  '    model.update(grads, 0.3);              // w −= 0.3·dw, b −= 0.3·db',
  '}',
  'model',
].join('\n');
const BREAKPOINT_LINE = 5;
const ITERATIONS = 3;

/** The steps, in order; --list prints them. */
const STEPS = [
  'lab_opens_the_notebook',
  'lab_runs_a_cell',
  'bug_icon_switches_the_debugger_on',
  'gutter_click_sets_a_breakpoint',
  'loop_stops_at_the_breakpoint',
  'step_in_enters_scratchnet_backward',
  'step_out_and_next_reach_the_update_line',
  'continue_stops_in_the_next_iteration',
  'continue_runs_the_loop_to_its_end',
];

// ---------------------------------------------------------------- the page

/** What the debugger sidebar shows: variables of the visible scope, call stack, breakpoints. */
function sidebar(page) {
  return page.evaluate(() => {
    const visible = (e) => e.offsetParent !== null;
    const variables = [...document.querySelectorAll('.jp-DebuggerVariables-body .jp-DebuggerVariables-name')]
      .filter(visible).map((n) => {
        const d = n.parentElement.querySelector('.jp-DebuggerVariables-detail');
        return { name: n.textContent.replace(/:\s*$/, '').trim(), value: d ? d.textContent.trim() : '' };
      });
    const frames = [...document.querySelectorAll('.jp-DebuggerCallstackFrame')].map((f) => ({
      name: (f.querySelector('.jp-DebuggerCallstackFrame-name') || {}).textContent,
      location: (f.querySelector('.jp-DebuggerCallstackFrame-location') || {}).textContent,
    }));
    const breakpoints = [...document.querySelectorAll('.jp-DebuggerBreakpoint')].map((b) => b.textContent.trim());
    return { variables, frames, breakpoints };
  });
}

/** Waits until the debugger shows `want` (a predicate on sidebar()), or fails saying what it showed. */
async function waitForSidebar(page, what, want, ms = 60000) {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    last = await sidebar(page);
    if (want(last)) return last;
    if (Date.now() > end) throw new Error(`${what}: not shown within ${ms / 1000} s; the debugger shows ${JSON.stringify(last)}`);
    await sleep(250);
  }
}

const value = (state, name) => (state.variables.find((v) => v.name === name) || {}).value;
const frameAt = (state, line) => state.frames.length > 0 && state.frames[0].name === 'cell' &&
  (state.frames[0].location || '').endsWith(`:${line}`);

/** The execution count shown in the prompt of the code cell `index`, or null. */
function promptCount(page, index) {
  return page.evaluate((i) => {
    const p = document.querySelectorAll('.jp-NotebookPanel .jp-CodeCell')[i].querySelector('.jp-InputArea-prompt');
    const m = /\[(\d+)\]/.exec(p ? p.textContent : '');
    return m ? Number(m[1]) : null;
  }, index);
}

// ---------------------------------------------------------------- the steps

async function steps({ page, server, pass, shot }) {
  const cells = page.locator('.jp-NotebookPanel .jp-CodeCell');

  await pass('lab_opens_the_notebook', async () => {
    const version = await openNotebook(page, server, 'debug.ipynb');
    await cells.nth(1).waitFor({ timeout: 30000 });
    return `JupyterLab ${version}, kernel scratchnet idle`;
  });

  await pass('lab_runs_a_cell', async () => {
    await runCell(page, 0, 1);
    return 'In [1]';
  });

  await pass('bug_icon_switches_the_debugger_on', async () => {
    const bug = page.locator('.jp-NotebookPanel-toolbar .jp-DebuggerBugButton');
    await page.waitForFunction(() => {
      const b = document.querySelector('.jp-NotebookPanel-toolbar .jp-DebuggerBugButton');
      return b && b.getAttribute('aria-disabled') === 'false';
    }, null, { timeout: 30000 }).catch(() => {
      throw new Error('the bug icon stayed disabled: JupyterLab did not find debugger: true in the kernel_info');
    });
    await bug.click();
    await page.waitForFunction(() => document.querySelector('.jp-NotebookPanel-toolbar .jp-DebuggerBugButton')
      .getAttribute('aria-pressed') === 'true', null, { timeout: 30000 });
    await page.locator('.jp-DebuggerSidebar').waitFor({ state: 'visible', timeout: 30000 });
    await cells.nth(1).locator('.cm-gutter.cm-breakpoint-gutter').waitFor({ timeout: 30000 });
    // widen the sidebar by dragging its splitter, so that the screenshots show whole values
    const handle = page.locator('#jp-main-split-panel > .lm-SplitPanel-handle:not(.lm-mod-hidden)').last();
    const h = await handle.boundingBox();
    if (h) {
      await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
      await page.mouse.down();
      await page.mouse.move(h.x + h.width / 2 - 250, h.y + h.height / 2, { steps: 5 });
      await page.mouse.up();
    }
    return 'debugger sidebar open, breakpoint gutters shown';
  });

  await pass('gutter_click_sets_a_breakpoint', async () => {
    const line = cells.nth(1).locator('.cm-line').nth(BREAKPOINT_LINE - 1);
    const text = await line.innerText();
    if (!text.includes('backward')) throw new Error(`line ${BREAKPOINT_LINE} of the loop cell is "${text}", not the backward line`);
    const l = await line.boundingBox();
    const g = await cells.nth(1).locator('.cm-gutter.cm-breakpoint-gutter').boundingBox();
    await page.mouse.click(g.x + g.width / 2, l.y + l.height / 2);
    const state = await waitForSidebar(page, `a breakpoint at line ${BREAKPOINT_LINE} in the Breakpoints panel`,
      (s) => s.breakpoints.length === 1 && s.breakpoints[0].endsWith(String(BREAKPOINT_LINE)), 30000);
    return `Breakpoints panel: ${state.breakpoints[0]}`;
  });

  await pass('loop_stops_at_the_breakpoint', async () => {
    await cells.nth(1).locator('.cm-content').click();
    await page.keyboard.press('Shift+Enter');
    const state = await waitForSidebar(page, `stopped at line ${BREAKPOINT_LINE} with i = 0 and cache in Variables`,
      (s) => frameAt(s, BREAKPOINT_LINE) && value(s, 'i') === '0' && /ForwardCache/.test(value(s, 'cache') || ''));
    const highlighted = await cells.nth(1).locator('.cm-line.jp-DebuggerEditor-highlight').innerText()
      .catch(() => { throw new Error('no line of the loop cell is highlighted as the current line'); });
    if (!highlighted.includes('backward')) throw new Error(`the highlighted line is "${highlighted}", not the backward line`);
    if (await promptCount(page, 1) !== null) throw new Error('the loop cell shows an execution count while it should be stopped');
    // open cache: its fields z and a (arrays of matrices) come from a variables request
    await page.locator('jp-tree-item', { has: page.locator('.jp-DebuggerVariables-name', { hasText: /^cache/ }) })
      .first().locator('.expand-collapse-button').click();
    const opened = await waitForSidebar(page, 'the fields z and a of cache after opening it',
      (st) => /Matrix\[\d*\]/.test(value(st, 'z') || '') && /Matrix\[\d*\]/.test(value(st, 'a') || ''), 30000);
    await page.waitForTimeout(500); // let the panels finish painting
    await shot('stopped-in-loop');
    await shot('stopped-in-loop-sidebar', page.locator('.jp-DebuggerSidebar'));
    return `Variables ${JSON.stringify(opened.variables)}, top frame ${state.frames[0].location}`;
  });

  await pass('step_in_enters_scratchnet_backward', async () => {
    await page.locator('.jp-DebuggerSidebar [data-command="debugger:stepIn"]').click();
    const state = await waitForSidebar(page, 'Network.backward on top of the call stack with this, cache and y in Variables',
      (s) => s.frames.length >= 2 && s.frames[0].name === 'Network.backward' && s.frames[1].name === 'cell' &&
        /Network/.test(value(s, 'this') || '') && /ForwardCache/.test(value(s, 'cache') || '') &&
        /Matrix 1×100/.test(value(s, 'y') || ''));
    // the debugger asks the kernel for the source and shows it, current line highlighted
    const source = page.locator('.jp-MainAreaWidget .jp-DebuggerEditor-highlight');
    await source.first().waitFor({ timeout: 30000 }).catch(() => {
      throw new Error('no source editor with a highlighted line opened for Network.backward');
    });
    await page.waitForTimeout(500);
    await shot('stepped-into-backward');
    return `top frame ${state.frames[0].name} ${state.frames[0].location}; Variables ${JSON.stringify(state.variables)}`;
  });

  await pass('step_out_and_next_reach_the_update_line', async () => {
    // the source tab took the main area: back to the notebook, as a learner would
    await page.locator('.lm-TabBar-tab', { hasText: 'debug.ipynb' }).first().click();
    await page.locator('.jp-DebuggerSidebar [data-command="debugger:stepOut"]').click();
    const out = await waitForSidebar(page, 'the cell alone on the call stack after Step Out',
      (s) => s.frames.length === 1 && s.frames[0].name === 'cell');
    const outLine = /:(\d+)$/.exec(out.frames[0].location || '');
    await page.locator('.jp-DebuggerSidebar [data-command="debugger:next"]').click();
    const state = await waitForSidebar(page, `stopped at line ${BREAKPOINT_LINE + 1} with grads in Variables`,
      (s) => frameAt(s, BREAKPOINT_LINE + 1) && /Gradients/.test(value(s, 'grads') || ''));
    await page.waitForTimeout(500);
    await shot('after-backward');
    return `Step Out: cell line ${outLine ? outLine[1] : '?'}; Next: line ${BREAKPOINT_LINE + 1}; Variables ${JSON.stringify(state.variables)}`;
  });

  await pass('continue_stops_in_the_next_iteration', async () => {
    await page.locator('.jp-DebuggerSidebar [data-command="debugger:continue"]').click();
    const state = await waitForSidebar(page, `stopped again at line ${BREAKPOINT_LINE} with i = 1`,
      (s) => frameAt(s, BREAKPOINT_LINE) && value(s, 'i') === '1');
    return `Variables ${JSON.stringify(state.variables)}`;
  });

  await pass('continue_runs_the_loop_to_its_end', async () => {
    for (let i = 2; i < ITERATIONS; i++) {
      await page.locator('.jp-DebuggerSidebar [data-command="debugger:continue"]').click();
      await waitForSidebar(page, `stopped at line ${BREAKPOINT_LINE} with i = ${i}`,
        (s) => frameAt(s, BREAKPOINT_LINE) && value(s, 'i') === String(i));
    }
    await page.locator('.jp-DebuggerSidebar [data-command="debugger:continue"]').click();
    await page.waitForFunction(() => {
      const p = document.querySelectorAll('.jp-NotebookPanel .jp-CodeCell')[1].querySelector('.jp-InputArea-prompt');
      return p && p.textContent.includes('[2]');
    }, null, { timeout: 60000 }).catch(() => { throw new Error('the loop cell did not finish after the last continue'); });
    const output = await cells.nth(1).locator('.jp-OutputArea').innerText();
    if (!output.includes('net(1, 25, 1)')) throw new Error(`the loop cell's output does not show the model: "${output.slice(0, 300)}"`);
    const state = await waitForSidebar(page, 'an empty call stack', (s) => s.frames.length === 0, 30000);
    await shot('loop-finished');
    return `In [2] shows the model; call stack empty; Variables ${JSON.stringify(state.variables.map((v) => v.name))}`;
  });
}

// ---------------------------------------------------------------- main

runLab({ steps: STEPS, notebooks: { 'debug.ipynb': notebook({ data: DATA_CELL, loop: LOOP_CELL }) }, run: steps });
