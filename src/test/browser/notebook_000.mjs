#!/usr/bin/env node
// Browser test: a real Jupyter Notebook 6 server with the scratchnet kernel, driven by headless
// Chromium. Opens a COPY of notebook 000, runs all cells, waits for them to finish, checks the
// inline chart and the printed losses, and saves a screenshot of the chart in the page.
//
//   node notebook_000.mjs --jar target/scratchnet.jar \
//        --notebook notebooks/000-sine-regression.ipynb --screenshot target/browser/notebook-000.png
//
// Optional: --chromium PATH (default /usr/bin/chromium), --python PATH (default /usr/bin/python3),
// --timeout SECONDS (how long the cells may run, default 180), --min-images N (charts, PNG or
// SVG, wider than 100 px that must be in the page; default 1), --keep (keep the temp dir).
// Prints "PASS browser_notebook_000 (N images, M s)" or "FAIL browser_notebook_000: reason",
// then "N passed, M failed"; exit code 0 when everything passed, 1 otherwise.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { chromium } from 'playwright-core';

const TEST = 'browser_notebook_000';
const EXPECTED_TEXT = ['loss', '260.18'];
const MIN_CHART_WIDTH = 100;
const WATCHDOG_EXTRA_S = 150; // on top of --timeout: install, server start, page load, shutdown

// ---------------------------------------------------------------- arguments

function parseArgs(argv) {
  const opts = {
    jar: null, notebook: null, screenshot: null,
    chromium: '/usr/bin/chromium', python: '/usr/bin/python3',
    timeout: 180, minImages: 1, keep: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    switch (a) {
      case '--jar': opts.jar = value(); break;
      case '--notebook': opts.notebook = value(); break;
      case '--screenshot': opts.screenshot = value(); break;
      case '--chromium': opts.chromium = value(); break;
      case '--python': opts.python = value(); break;
      case '--timeout': opts.timeout = Number(value()); break;
      case '--min-images': opts.minImages = Number(value()); break;
      case '--keep': opts.keep = true; break;
      case '-h': case '--help':
        console.log('usage: node notebook_000.mjs --jar PATH --notebook PATH --screenshot OUT.png ' +
          '[--chromium PATH] [--python PATH] [--timeout SECONDS] [--min-images N] [--keep]');
        process.exit(0);
      default: throw new Error(`unknown argument ${a}`);
    }
  }
  for (const k of ['jar', 'notebook', 'screenshot']) {
    if (!opts[k]) throw new Error(`--${k} is required`);
  }
  if (!(opts.minImages >= 0)) throw new Error('--min-images must be a number >= 0');
  if (!(opts.timeout > 0)) throw new Error('--timeout must be a positive number of seconds');
  opts.jar = path.resolve(opts.jar);
  opts.notebook = path.resolve(opts.notebook);
  opts.screenshot = path.resolve(opts.screenshot);
  for (const [k, p] of [['jar', opts.jar], ['notebook', opts.notebook], ['chromium', opts.chromium], ['python', opts.python]]) {
    if (!fs.existsSync(p)) throw new Error(`--${k} ${p} does not exist`);
  }
  return opts;
}

// ---------------------------------------------------------------- helpers

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (msg) => console.error(`[${TEST}] ${msg}`);

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${Math.round(ms / 1000)} s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function fetchWithTimeout(url, init = {}, ms = 5000) {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), ms);
  try {
    return await fetch(url, { ...init, signal: ctl.signal });
  } finally {
    clearTimeout(timer);
  }
}

function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// Processes whose command line mentions `marker` (our unique temp dir: the kernels get their
// connection file from JUPYTER_RUNTIME_DIR inside it). Jupyter starts kernels in their own
// session, so they are not in the server's process group.
function pidsMentioning(marker) {
  const pids = [];
  let entries = [];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return pids;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e) || Number(e) === process.pid) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${e}/cmdline`, 'utf8');
      if (cmd.includes(marker)) pids.push(Number(e));
    } catch { /* gone */ }
  }
  return pids;
}

// ---------------------------------------------------------------- the test

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const started = Date.now();
  await fsp.rm(opts.screenshot, { force: true }); // never leave a stale screenshot from an earlier run

  const tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'scratchnet-browser-'));
  const dirs = {
    home: path.join(tmp, 'home'),
    runtime: path.join(tmp, 'runtime'),
    config: path.join(tmp, 'config'),
    data: path.join(tmp, 'data'),
    prefix: path.join(tmp, 'prefix'),
    notebooks: path.join(tmp, 'notebooks'),
    profile: path.join(tmp, 'chromium-profile'),
  };
  for (const d of Object.values(dirs)) await fsp.mkdir(d, { recursive: true, mode: 0o700 });
  const serverLog = path.join(tmp, 'server.log');

  let server = null;
  let context = null;
  let page = null;
  let serverUrl = null;
  const token = crypto.randomBytes(24).toString('hex');
  const pageErrors = [];

  const cleanup = async () => {
    if (context) {
      await withTimeout(context.close(), 15000, 'closing Chromium').catch((e) => log(`${e.message}`));
      context = null;
    }
    if (server) {
      const pid = server.pid;
      if (serverUrl && server.exitCode === null) {
        // shut the kernels down through the API (so they remove their connection files), then the server
        try {
          const auth = { headers: { Authorization: `token ${token}` } };
          const res = await fetchWithTimeout(`${serverUrl}api/kernels`, auth, 5000);
          const kernels = res.ok ? await res.json() : [];
          for (const k of kernels) {
            await fetchWithTimeout(`${serverUrl}api/kernels/${k.id}`, { ...auth, method: 'DELETE' }, 15000)
              .catch((e) => log(`stopping kernel ${k.id}: ${e.message}`));
          }
          await fetchWithTimeout(`${serverUrl}api/shutdown`, { ...auth, method: 'POST' }, 5000).catch(() => {});
        } catch (e) {
          log(`API shutdown: ${e.message}`);
        }
      }
      const exited = async (ms) => {
        const end = Date.now() + ms;
        while (server.exitCode === null && server.signalCode === null && Date.now() < end) await sleep(100);
        return server.exitCode !== null || server.signalCode !== null;
      };
      if (!(await exited(5000))) {
        try { process.kill(-pid, 'SIGTERM'); } catch { /* gone */ }
        if (!(await exited(5000))) {
          try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ }
          await exited(3000);
        }
      }
      server = null;
    }
    // anything still running from our temp dir (a kernel JVM the API could not stop)
    for (let round = 0; round < 2; round++) {
      const left = pidsMentioning(tmp);
      if (left.length === 0) break;
      log(`stopping leftover processes ${left.join(', ')}`);
      for (const pid of left) {
        try { process.kill(pid, round === 0 ? 'SIGTERM' : 'SIGKILL'); } catch { /* gone */ }
      }
      const end = Date.now() + 3000;
      while (left.some(alive) && Date.now() < end) await sleep(100);
    }
    if (!opts.keep) {
      await fsp.rm(tmp, { recursive: true, force: true }).catch((e) => log(`removing ${tmp}: ${e.message}`));
    } else {
      log(`kept ${tmp}`);
    }
  };

  // the whole run is bounded: if anything hangs, or we are interrupted, clean up and fail
  let watchdog;
  let onSignal;
  const watchdogFired = new Promise((_, reject) => {
    watchdog = setTimeout(() => reject(new Error(`whole test timed out after ${opts.timeout + WATCHDOG_EXTRA_S} s`)),
      (opts.timeout + WATCHDOG_EXTRA_S) * 1000);
    onSignal = (sig) => reject(new Error(`interrupted by ${sig}`));
  });
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const run = async () => {
    // 1. a copy of the notebook (the source is never touched)
    const nbName = path.basename(opts.notebook);
    await fsp.copyFile(opts.notebook, path.join(dirs.notebooks, nbName));

    const env = {
      ...process.env,
      HOME: dirs.home,
      JUPYTER_RUNTIME_DIR: dirs.runtime,
      JUPYTER_CONFIG_DIR: dirs.config,
      JUPYTER_DATA_DIR: dirs.data,
      JUPYTER_PATH: path.join(dirs.prefix, 'share', 'jupyter'),
      IPYTHONDIR: path.join(dirs.home, '.ipython'),
      PYTHONDONTWRITEBYTECODE: '1',
      BROWSER: 'true',
    };
    delete env.JUPYTER_CONFIG_PATH;
    delete env.JUPYTER_PREFER_ENV_PATH;

    // 2. the kernelspec, into the temp prefix. It runs a copy of the jar, so that a rebuild of
    //    the original while the test runs cannot pull the classes from under the kernel.
    const jar = path.join(tmp, 'scratchnet.jar');
    await fsp.copyFile(opts.jar, jar);
    const java = process.env.JAVA || 'java';
    const install = spawnSync(java, ['-jar', jar, 'install', '--prefix', dirs.prefix],
      { env, encoding: 'utf8', timeout: 60000 });
    if (install.error || install.status !== 0) {
      throw new Error(`kernelspec install failed (${install.error ? install.error.message : `exit ${install.status}`}): ` +
        `${(install.stdout || '') + (install.stderr || '')}`.trim());
    }
    const kernelJson = path.join(dirs.prefix, 'share', 'jupyter', 'kernels', 'scratchnet', 'kernel.json');
    if (!fs.existsSync(kernelJson)) throw new Error(`install did not write ${kernelJson}`);
    // the server must resolve "scratchnet" to this kernelspec, not one installed elsewhere
    const which = spawnSync(opts.python, ['-c',
      'from jupyter_client.kernelspec import KernelSpecManager as K; print(K().find_kernel_specs().get("scratchnet", ""))'],
      { env, encoding: 'utf8', timeout: 30000 });
    const resolved = (which.stdout || '').trim();
    if (which.status !== 0 || path.resolve(resolved) !== path.dirname(kernelJson)) {
      throw new Error(`kernelspec scratchnet resolves to "${resolved}" instead of ${path.dirname(kernelJson)} ${which.stderr || ''}`.trim());
    }

    // 3. the server, on a free loopback port (port_retries=0: fail rather than silently move)
    let port;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const out = fs.openSync(serverLog, 'a');
      server = spawn(opts.python, ['-m', 'notebook',
        '--no-browser', '--allow-root', '--ip=127.0.0.1', `--port=${port}`,
        '--NotebookApp.port_retries=0', `--NotebookApp.token=${token}`, '--NotebookApp.password=',
        `--notebook-dir=${dirs.notebooks}`, '--NotebookApp.open_browser=False'],
      { env, cwd: dirs.notebooks, stdio: ['ignore', out, out], detached: true });
      fs.closeSync(out);
      serverUrl = `http://127.0.0.1:${port}/`;
      const end = Date.now() + 60000;
      let up = false;
      while (Date.now() < end && server.exitCode === null) {
        try {
          const res = await fetchWithTimeout(`${serverUrl}api`, { headers: { Authorization: `token ${token}` } }, 2000);
          if (res.ok) { up = true; break; }
        } catch { /* not yet */ }
        await sleep(200);
      }
      if (up) break;
      const exitedEarly = server.exitCode !== null;
      if (!exitedEarly) {
        throw new Error(`the notebook server did not answer on ${serverUrl}api within 60 s:\n${tail(serverLog)}`);
      }
      server = null;
      serverUrl = null;
      if (attempt >= 3) throw new Error(`the notebook server exited at start:\n${tail(serverLog)}`);
      log(`server exited at start (port ${port} taken?), retrying`);
    }
    const tServer = Date.now();
    log(`server up on port ${port} after ${((tServer - started) / 1000).toFixed(1)} s`);

    // 4. the browser, with a fresh profile
    context = await withTimeout(chromium.launchPersistentContext(dirs.profile, {
      executablePath: opts.chromium,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 1000 },
      timeout: 60000,
      env: { ...process.env, HOME: dirs.home },
    }), 90000, 'launching Chromium');
    page = context.pages()[0] || await context.newPage();
    page.setDefaultTimeout(60000);
    page.on('pageerror', (e) => pageErrors.push(String(e && e.message || e)));
    page.on('dialog', (d) => { log(`dialog: ${d.message()}`); d.dismiss().catch(() => {}); });

    // 5. the notebook, and its kernel
    const nbUrl = `${serverUrl}notebooks/${encodeURIComponent(nbName)}?token=${token}`;
    const resp = await page.goto(nbUrl, { waitUntil: 'load', timeout: 60000 });
    if (!resp || !resp.ok()) throw new Error(`GET /notebooks/${nbName} answered ${resp ? resp.status() : 'nothing'}`);
    await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded,
      null, { timeout: 60000, polling: 200 });
    try {
      await page.waitForFunction(() => {
        const k = Jupyter.notebook.kernel;
        return k && k.is_connected() && !Jupyter.notebook.kernel_busy &&
          document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null;
      }, null, { timeout: 90000, polling: 250 });
    } catch (e) {
      const state = await page.evaluate(() => ({
        kernel: Jupyter.notebook.kernel && Jupyter.notebook.kernel.name,
        indicator: (document.querySelector('#kernel_indicator_icon') || {}).className,
        dialog: (document.querySelector('.modal-dialog') || {}).innerText,
      })).catch(() => ({}));
      throw new Error(`the kernel did not become idle: ${JSON.stringify(state)}\n${tail(serverLog)}`);
    }
    const kernelName = await page.evaluate(() => Jupyter.notebook.kernel.name);
    if (kernelName !== 'scratchnet') throw new Error(`the notebook runs kernel "${kernelName}", not scratchnet`);
    const tKernel = Date.now();
    log(`kernel idle after ${((tKernel - tServer) / 1000).toFixed(1)} s`);

    // 6. Cell -> Run All, then wait until every code cell has an execution count, nothing shows
    //    In [*] and the kernel has been idle for a moment
    const codeCells = await page.evaluate(() => {
      Jupyter.notebook.execute_all_cells();
      return Jupyter.notebook.get_cells().filter((c) => c.cell_type === 'code').length;
    });
    let stableSince = 0;
    const end = Date.now() + opts.timeout * 1000;
    let last = null;
    for (;;) {
      last = await page.evaluate(() => {
        const cells = Jupyter.notebook.get_cells().filter((c) => c.cell_type === 'code');
        const prompts = [...document.querySelectorAll('.code_cell .input_prompt')].map((p) => p.innerText.trim());
        return {
          done: cells.filter((c) => typeof c.input_prompt_number === 'number').length,
          running: prompts.filter((p) => p.includes('*')).length,
          busy: Jupyter.notebook.kernel_busy,
          errors: document.querySelectorAll('.output_error').length,
        };
      });
      const finished = last.done === codeCells && last.running === 0 && !last.busy;
      if (finished) {
        if (!stableSince) stableSince = Date.now();
        if (Date.now() - stableSince >= 1000) break;
      } else {
        stableSince = 0;
      }
      if (Date.now() > end) {
        throw new Error(`cells did not finish within ${opts.timeout} s: ${last.done}/${codeCells} done, ` +
          `${last.running} running, kernel ${last.busy ? 'busy' : 'idle'}`);
      }
      await sleep(250);
    }
    const tRun = Date.now();
    log(`${codeCells} code cells ran in ${((tRun - tKernel) / 1000).toFixed(1)} s`);

    // 7. the checks
    // PNGs from data: URIs decode asynchronously; give them a moment to report their size
    await page.waitForFunction(() => [...document.querySelectorAll('.output_area img[src^="data:image/png"]')]
      .every((img) => img.complete), null, { timeout: 10000, polling: 100 }).catch(() => {});
    // Notebook 6 prefers image/svg+xml to image/png, so a chart that comes as a cell's value (PNG
    // and SVG) shows as inline SVG, and one shown as PNG only (fit's live loss chart) as an <img>
    const result = await page.evaluate((minWidth) => {
      const imgs = [...document.querySelectorAll('.output_area img[src^="data:image/png"]')];
      const pngCharts = imgs.filter((img) => img.complete && img.naturalWidth > minWidth);
      const svgs = [...document.querySelectorAll('.output_area .output_svg svg')];
      const svgCharts = svgs.filter((svg) => svg.getBoundingClientRect().width > minWidth);
      const text = [...document.querySelectorAll('.output_area')].map((o) => o.innerText).join('\n');
      const errors = [...document.querySelectorAll('.output_error')].map((e) => e.innerText.slice(0, 500));
      return {
        pngs: imgs.length,
        pngCharts: pngCharts.length,
        pngSizes: imgs.map((img) => `${img.naturalWidth}x${img.naturalHeight}`),
        svgs: svgs.length,
        svgCharts: svgCharts.length,
        text,
        errors,
        // the widget cells: Notebook 6's old widget front end cannot show ipywidgets 8, so they must
        // show the widget's text line (and the function's chart), not an error
        widgetCells: Jupyter.notebook.get_cells()
          .filter((c) => c.cell_type === 'code' && /\bslider\(/.test(c.get_text()))
          .map((c) => ({
            text: [...c.element[0].querySelectorAll('.output_area')].map((o) => o.innerText).join('\n'),
            charts: c.element[0].querySelectorAll('.output_area svg, .output_area img').length,
          })),
        // per code cell, what its outputs rendered as (for the log)
        layout: Jupyter.notebook.get_cells().filter((c) => c.cell_type === 'code').map((c) =>
          `In [${c.input_prompt_number}]: ` + [...c.element[0].querySelectorAll('.output_subarea')]
            .map((o) => [...o.classList].filter((k) => k !== 'output_subarea').join('.') +
              (o.querySelector('img') ? '<img>' : '') + (o.querySelector('svg') ? '<svg>' : '')).join(' ')),
      };
    }, MIN_CHART_WIDTH);
    for (const line of result.layout) log(`  ${line}`);
    const charts = result.pngCharts + result.svgCharts;
    log(`charts: ${result.pngCharts} PNG (${result.pngSizes.join(', ') || 'none'}), ${result.svgCharts} SVG`);
    const problems = [];
    if (result.pngCharts === 0) {
      problems.push(`no PNG chart: ${result.pngs} PNG image(s) in the outputs (${result.pngSizes.join(', ') || 'none'}), ` +
        `none wider than ${MIN_CHART_WIDTH} px`);
    }
    if (charts < opts.minImages) {
      problems.push(`${charts} chart(s) (${result.pngCharts} PNG, ${result.svgCharts} SVG), expected at least ${opts.minImages}`);
    }
    for (const s of EXPECTED_TEXT) {
      if (!result.text.includes(s)) problems.push(`the output text lacks "${s}"`);
    }
    if (result.errors.length > 0) problems.push(`${result.errors.length} error output(s): ${result.errors.join(' | ')}`);
    for (const w of result.widgetCells) {
      log(`  widget cell shows: ${JSON.stringify(w.text.slice(0, 200))} and ${w.charts} chart(s)`);
      if (!/FloatSlider\(/.test(w.text) || /error|failed|not found|cannot|undefined/i.test(w.text)) {
        problems.push(`a widget cell should degrade to its text line (FloatSlider(…)) in Notebook 6; it shows ${JSON.stringify(w.text.slice(0, 300))}`);
      }
      if (w.charts < 1) problems.push('a widget cell shows no chart of its function in Notebook 6');
    }
    if (result.widgetCells.length === 0) problems.push('notebook has no widget cell (a cell calling slider(…)) to check');

    // 8. the screenshot: the first PNG chart (else the first SVG chart) with its cell, in the page
    await page.evaluate(() => {
      const chart = document.querySelector('.output_area img[src^="data:image/png"]') ||
        document.querySelector('.output_area .output_svg svg');
      if (!chart) return;
      const cell = chart.closest('.cell') || chart;
      cell.scrollIntoView({ block: 'start' });
      // a little room above the cell
      const site = document.getElementById('site');
      if (site) site.scrollTop = Math.max(0, site.scrollTop - 10);
    });
    await sleep(300);
    await fsp.mkdir(path.dirname(opts.screenshot), { recursive: true });
    await page.screenshot({ path: opts.screenshot, timeout: 30000 });
    log(`screenshot ${opts.screenshot}`);

    if (problems.length > 0) throw new Error(problems.join('; '));
    return { images: charts };
  };

  try {
    const { images } = await Promise.race([run(), watchdogFired]);
    console.log(`PASS ${TEST} (${images} images, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return true;
  } catch (e) {
    console.log(`FAIL ${TEST}: ${e && e.message ? e.message : e}`);
    if (pageErrors.length > 0) console.log(`  page errors: ${pageErrors.slice(0, 5).join(' | ')}`);
    if (page && !fs.existsSync(opts.screenshot)) {
      // what the page looked like when it failed
      await fsp.mkdir(path.dirname(opts.screenshot), { recursive: true }).catch(() => {});
      await withTimeout(page.screenshot({ path: opts.screenshot, timeout: 10000 }), 15000, 'failure screenshot')
        .then(() => console.log(`  screenshot of the failure: ${opts.screenshot}`)).catch(() => {});
    }
    return false;
  } finally {
    clearTimeout(watchdog);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await withTimeout(cleanup(), 60000, 'cleanup').catch((e) => log(e.message));
  }
}

let ok = false;
try {
  ok = await main();
} catch (e) {
  console.log(`FAIL ${TEST}: ${e && e.message ? e.message : e}`);
}
console.log(`${ok ? 1 : 0} passed, ${ok ? 0 : 1} failed`);
process.exit(ok ? 0 : 1);
