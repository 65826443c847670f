#!/usr/bin/env node
// JupyterLab 4 (this directory's build, with ipywidgets' widget manager) in headless Chromium,
// using scratchnet's Jupyter widgets the way a learner does: run notebook 000's "try another
// learning rate" cell (read from notebooks/, after the notebook's data cell), whose slider sets the
// learning rate of a 4000-iteration fit and whose chart shows the fit, see a real ipywidgets slider, click its
// track and drag its handle with the mouse and see the chart redrawn, click a button and see its
// callback change a label; with no error from the widget manager in the browser console. Measures
// the time from a slider change (a click on its track) to the redrawn chart in the page. (Arrow keys
// on a focused slider handle do not reach it in JupyterLab 4.6: in command mode the notebook takes
// ArrowLeft/ArrowRight for its heading navigation.)
//
//   node src/test/jlab/widgets.mjs --jupyter-path DIR --screenshots target/jupyterlab-widgets
//   node src/test/jlab/widgets.mjs --list          (the steps' names)
//
// The arguments and the run are lab.mjs's: --jupyter-path DIR holds kernels/scratchnet/kernel.json;
// optional --python, --chromium, --timeout SECONDS, --keep. Prints "PASS step (…)" or
// "FAIL step: reason" for each step (a failed step ends the run), then "N passed, M failed"; the
// latency as "LATENCY slider→chart: median M ms, …".

import fs from 'node:fs';
import os from 'node:os';
import { notebook, openNotebook, runCell, runLab } from './lab.mjs';

// The notebook: notebook 000's own first cell (its data) and its "try another learning rate" cell,
// as the repository has them, then a button with a label
const NOTEBOOK_000 = JSON.parse(fs.readFileSync(
  new URL('../../../notebooks/000-sine-regression.ipynb', import.meta.url), 'utf8'));
const CODE_000 = NOTEBOOK_000.cells.filter((c) => c.cell_type === 'code')
  .map((c) => (Array.isArray(c.source) ? c.source.join('') : c.source));
const DATA_CELL = CODE_000[0];
const INTERACT_CELL = (() => {
  const found = CODE_000.filter((c) => c.includes('slider(') && c.includes('interact('));
  if (found.length !== 1) throw new Error(`notebook 000 should have one cell with slider( and interact(; it has ${found.length}`);
  return found[0];
})();
/** The label notebook 000 gives its slider. */
const SLIDER_LABEL = (/\.description\("([^"]*)"\)/.exec(INTERACT_CELL) || [])[1];
const BUTTON_CELL = [
  'var status = label("not clicked");',
  'var clicks = new int[1];',
  'var go = button("go").onClick(b -> status.value("clicked " + (++clicks[0])));',
  'hbox(go, status)',
].join('\n');
/** Slider changes timed for the latency figure. */
const LATENCY_CHANGES = 10;

/** The steps, in order; --list prints them. */
const STEPS = [
  'lab_opens_the_notebook',
  'data_cell_runs',
  'interact_shows_an_ipywidgets_slider_and_a_chart',
  'clicks_on_the_slider_track_redraw_the_chart',
  'dragging_the_slider_redraws_the_chart',
  'button_click_runs_its_callback',
  'no_widget_manager_errors_in_the_console',
];

// ---------------------------------------------------------------- the page

/** The slider of the interact cell: its readout and the chart's image source below it. */
function interactState(page) {
  return page.evaluate(() => {
    const cell = document.querySelectorAll('.jp-NotebookPanel .jp-CodeCell')[1];
    const slider = cell.querySelector('.jp-OutputArea .jupyter-widgets.widget-slider');
    const readout = slider && slider.querySelector('.widget-readout');
    const label = slider && slider.querySelector('.widget-label');
    const imgs = [...cell.querySelectorAll('.jp-OutputArea-output img')];
    return {
      slider: !!slider,
      label: label ? label.textContent.trim() : null,
      value: readout ? readout.textContent.trim() : null,
      images: imgs.length,
      src: imgs.length ? imgs[imgs.length - 1].getAttribute('src') : null,
    };
  });
}

/**
 * Arms the page to time one change: from the next keydown or pointerdown to the moment the chart's
 * image source differs from `before`; resolves in the page with the milliseconds between them.
 */
function armLatency(page, before) {
  return page.evaluate((old) => {
    window.__latency = new Promise((resolve) => {
      const cell = document.querySelectorAll('.jp-NotebookPanel .jp-CodeCell')[1];
      let t0 = null;
      const start = () => { if (t0 === null) t0 = performance.now(); };
      document.addEventListener('keydown', start, { capture: true, once: true });
      document.addEventListener('pointerdown', start, { capture: true, once: true });
      const check = () => {
        const imgs = cell.querySelectorAll('.jp-OutputArea-output img');
        const src = imgs.length ? imgs[imgs.length - 1].getAttribute('src') : null;
        if (t0 !== null && src && src !== old) {
          observer.disconnect();
          // the new image decoded and painted, not only its element in the DOM
          imgs[imgs.length - 1].decode().catch(() => {}).then(() => requestAnimationFrame(() =>
            resolve(performance.now() - t0)));
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(cell, { subtree: true, childList: true, attributes: true, attributeFilter: ['src'] });
    });
  }, before);
}

/** Waits for the armed change's latency (ms), or fails after `ms`. */
async function latency(page, what, ms = 60000) {
  const result = await Promise.race([
    page.evaluate(() => window.__latency),
    new Promise((r) => setTimeout(() => r(null), ms)),
  ]);
  if (result === null) throw new Error(`${what}: the chart was not redrawn within ${ms / 1000} s; ${JSON.stringify(await interactState(page).then((s) => ({ ...s, src: s.src && s.src.slice(0, 40) })))}`);
  return result;
}

/** Waits until the chart's image has stayed the same for a second (at most 30 s). */
async function settled(page) {
  let last = null;
  let since = Date.now();
  for (const end = Date.now() + 30000; Date.now() < end; await page.waitForTimeout(100)) {
    const { src } = await interactState(page);
    if (src !== last) {
      last = src;
      since = Date.now();
    } else if (Date.now() - since >= 1000) {
      return;
    }
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// ---------------------------------------------------------------- the steps

async function steps({ page, server, pass, shot }) {
  // what the browser console says: the last step checks it for the widget manager's errors
  const consoleErrors = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  const cells = page.locator('.jp-NotebookPanel .jp-CodeCell');
  const handle = cells.nth(1).locator('.widget-slider .noUi-handle');

  await pass('lab_opens_the_notebook', async () => {
    const version = await openNotebook(page, server, 'widgets.ipynb');
    const plugin = '@jupyter-widgets/jupyterlab-manager:plugin';
    const active = await page.evaluate((id) => window.jupyterapp.isPluginActivated(id), plugin);
    if (!active) throw new Error(`the widget manager ${plugin} is not active in this JupyterLab`);
    return `JupyterLab ${version}, ${plugin} active, kernel scratchnet idle`;
  });

  await pass('data_cell_runs', async () => {
    await runCell(page, 0, 1);
    return 'In [1]';
  });

  await pass('interact_shows_an_ipywidgets_slider_and_a_chart', async () => {
    await runCell(page, 1, 2, 120000);
    await cells.nth(1).locator('.jupyter-widgets.widget-slider').waitFor({ timeout: 30000 }).catch(async () => {
      const text = await cells.nth(1).locator('.jp-OutputArea').innerText();
      throw new Error(`no ipywidgets slider (.jupyter-widgets.widget-slider) in the output; it shows "${text.slice(0, 300)}"`);
    });
    await handle.waitFor({ timeout: 30000 });
    const s = await interactState(page);
    if (s.label !== SLIDER_LABEL) throw new Error(`the slider's label is ${JSON.stringify(s.label)}, expected ${JSON.stringify(SLIDER_LABEL)}`);
    if (s.value !== '0.30') throw new Error(`the slider's readout is ${JSON.stringify(s.value)}, expected "0.30"`);
    if (s.images !== 1 || !/^data:image\//.test(s.src || '')) {
      throw new Error(`expected one chart image below the slider; found ${s.images} (src ${(s.src || '').slice(0, 40)})`);
    }
    // showing the slider keeps lr at 0.3: no update from the view, so no second run of the function
    await page.waitForTimeout(1500);
    const later = await interactState(page);
    if (later.src !== s.src) throw new Error(`the chart was redrawn without any change of the slider (now at ${later.value})`);
    await shot('interact', cells.nth(1));
    return `slider "${s.label}" at ${s.value}, chart ${s.src.slice(0, 22)}… (${s.src.length} chars)`;
  });

  await pass('clicks_on_the_slider_track_redraw_the_chart', async () => {
    const times = [];
    const start = await interactState(page);
    let before = start;
    for (let i = 0; i < LATENCY_CHANGES; i++) {
      // 15%, 85%, 20%, 80%, …: each click moves the handle there (noUiSlider's tap)
      const f = i % 2 === 0 ? 0.15 + 0.025 * i : 0.85 - 0.025 * i;
      // noUiSlider ignores a tap while the last one's .noUi-state-tap (300 ms) is on
      await page.waitForFunction(() => !document.querySelector('.widget-slider .noUi-state-tap'), null, { timeout: 5000 });
      // where the track is now (a redraw may have scrolled the notebook)
      const track = await cells.nth(1).locator('.widget-slider .noUi-target').boundingBox();
      await armLatency(page, before.src);
      await page.mouse.click(track.x + track.width * f, track.y + track.height / 2);
      times.push(await latency(page, `click ${i + 1} at ${Math.round(f * 100)}% of the track`));
      const after = await interactState(page);
      if (after.value === before.value) throw new Error(`click ${i + 1} left the readout at ${after.value}`);
      if (after.images !== 1) throw new Error(`after click ${i + 1} the output shows ${after.images} images, expected 1 (redrawn in place)`);
      before = after;
    }
    const end = before;
    if (end.src === start.src) throw new Error(`the chart at lr ${end.value} is the same image as at lr ${start.value}`);
    const cpu = (os.cpus()[0] || {}).model || 'unknown CPU';
    const ms = times.map((t) => Math.round(t));
    console.log(`LATENCY slider→chart: median ${Math.round(median(times))} ms, min ${Math.min(...ms)} ms, max ${Math.max(...ms)} ms` +
      ` over ${times.length} clicks on the track [${ms.join(', ')}]; ${cpu}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}`);
    await page.waitForTimeout(300);
    await shot('after-clicks', cells.nth(1));
    return `readout ${start.value} → … → ${end.value}, chart redrawn in place each time; median ${Math.round(median(times))} ms`;
  });

  await pass('dragging_the_slider_redraws_the_chart', async () => {
    const before = await interactState(page);
    const track = await cells.nth(1).locator('.widget-slider .noUi-target').boundingBox();
    const h = await handle.boundingBox();
    await armLatency(page, before.src);
    const y = h.y + h.height / 2;
    await page.mouse.move(h.x + h.width / 2, y);
    await page.mouse.down();
    // to about 80% of the track: lr ≈ 0.05 + 0.8·0.95 ≈ 0.81
    await page.mouse.move(track.x + track.width * 0.8, y, { steps: 8 });
    await page.mouse.up();
    const ms = await latency(page, 'the drag');
    // a slider with continuous updates sends several values during a drag: wait for the last chart
    await settled(page);
    const after = await interactState(page);
    const value = Number(after.value);
    if (!(value > 0.7 && value < 0.9)) throw new Error(`after dragging to 80% of the track the readout is ${after.value}, expected about 0.81`);
    if (after.src === before.src) throw new Error('the chart did not change after the drag');
    if (after.images !== 1) throw new Error(`after the drag the output shows ${after.images} images, expected 1`);
    await shot('after-drag', cells.nth(1));
    return `readout ${before.value} → ${after.value}; first redraw ${Math.round(ms)} ms after the press`;
  });

  await pass('button_click_runs_its_callback', async () => {
    await runCell(page, 2, 3);
    const button = cells.nth(2).locator('button.jupyter-widgets', { hasText: 'go' });
    await button.waitFor({ timeout: 30000 }).catch(async () => {
      const text = await cells.nth(2).locator('.jp-OutputArea').innerText();
      throw new Error(`no ipywidgets button "go" in the output; it shows "${text.slice(0, 300)}"`);
    });
    const labelText = () => cells.nth(2).locator('.widget-label').first().innerText();
    const first = await labelText();
    if (first.trim() !== 'not clicked') throw new Error(`the label shows "${first}" before any click, expected "not clicked"`);
    for (const n of [1, 2]) {
      await button.click();
      await page.waitForFunction((want) => {
        const l = document.querySelectorAll('.jp-NotebookPanel .jp-CodeCell')[2].querySelector('.widget-label');
        return l && l.textContent.trim() === want;
      }, `clicked ${n}`, { timeout: 30000 }).catch(async () => {
        throw new Error(`after click ${n} the label shows "${await labelText()}", expected "clicked ${n}"`);
      });
    }
    await shot('button', cells.nth(2));
    await shot('notebook');
    return `label "${first}" → "${await labelText()}"`;
  });

  await pass('no_widget_manager_errors_in_the_console', async () => {
    // jupyter_server 1.23 has no event stream (/api/events/subscribe); JupyterLab logs its attempts
    const known = /api\/events\/subscribe|WebSocket connection to .*events/;
    const errors = consoleErrors.filter((e) => !known.test(e));
    const widgetErrors = errors.filter((e) => /widget|comm|backbone|model|view/i.test(e));
    if (widgetErrors.length > 0) throw new Error(`the console shows: ${widgetErrors.join('\n')}`);
    return `${consoleErrors.length} console errors/warnings, none from the widget manager` +
      (errors.length ? `; others: ${JSON.stringify([...new Set(errors.map((e) => e.split('\n')[0].slice(0, 120)))])}` : '');
  });
}

// ---------------------------------------------------------------- main

runLab({
  steps: STEPS,
  notebooks: { 'widgets.ipynb': notebook({ data: DATA_CELL, interact: INTERACT_CELL, button: BUTTON_CELL }) },
  run: steps,
});
