// What the JupyterLab browser tests share: their arguments, main.py serving this directory's
// build with every Jupyter directory in a temp dir, headless Chromium, and the run of the steps
// with one "PASS step (…)" or "FAIL step: reason" line each, then "N passed, M failed".
//
//   import { runLab } from './lab.mjs';
//   runLab({ steps: STEPS, notebooks: { 'widgets.ipynb': notebook({ data: 'var x = …' }) },
//            run: async ({ page, server, pass, shot }) => { await pass(STEPS[0], async () => '…'); } });
//
// A script built on it takes: --jupyter-path DIR (holds kernels/scratchnet/kernel.json; it becomes
// JUPYTER_PATH) --screenshots DIR (its PNG files are replaced by this run's), optional --python PATH
// (default /usr/bin/python3), --chromium PATH (default /usr/bin/chromium), --timeout SECONDS (the
// whole run, default 300), --keep (keep the temp dir); or --list (the steps' names). A failed step
// ends the run (its page goes to failure.png); exit code 0 when every step passed.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const log = (msg) => console.error(`[jupyterlab] ${msg}`);

/** A notebook for the scratchnet kernel whose code cells are `sources` ({id: source}). */
export function notebook(sources) {
  const cell = (id, source) => ({ cell_type: 'code', id, metadata: {}, execution_count: null, outputs: [], source });
  return {
    nbformat: 4, nbformat_minor: 5,
    metadata: {
      kernelspec: { name: 'scratchnet', display_name: 'Java (scratchnet)', language: 'java' },
      language_info: { name: 'java' },
    },
    cells: Object.entries(sources).map(([id, source]) => cell(id, source)),
  };
}

// ---------------------------------------------------------------- arguments

function parseArgs(argv, steps) {
  const opts = {
    jupyterPath: null, screenshots: null, python: '/usr/bin/python3', chromium: '/usr/bin/chromium',
    timeout: 300, keep: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    switch (a) {
      case '--jupyter-path': opts.jupyterPath = path.resolve(value()); break;
      case '--screenshots': opts.screenshots = path.resolve(value()); break;
      case '--python': opts.python = value(); break;
      case '--chromium': opts.chromium = value(); break;
      case '--timeout': opts.timeout = Number(value()); break;
      case '--keep': opts.keep = true; break;
      case '--list': console.log(steps.join('\n')); process.exit(0); break;
      default: throw new Error(`unknown argument ${a}; expected --jupyter-path DIR --screenshots DIR ` +
        '[--python PATH] [--chromium PATH] [--timeout SECONDS] [--keep]');
    }
  }
  if (!opts.jupyterPath || !opts.screenshots) throw new Error('--jupyter-path and --screenshots are required');
  const kernelJson = path.join(opts.jupyterPath, 'kernels', 'scratchnet', 'kernel.json');
  if (!fs.existsSync(kernelJson)) throw new Error(`expected the kernelspec ${kernelJson}; it is missing`);
  if (!fs.existsSync(path.join(HERE, 'build', 'bundle.js'))) {
    throw new Error(`expected the JupyterLab build ${path.join(HERE, 'build', 'bundle.js')}; run npm ci and npm run build in ${HERE}`);
  }
  if (!(opts.timeout > 0)) throw new Error(`--timeout: expected a positive number of seconds; got ${opts.timeout}`);
  return opts;
}

// ---------------------------------------------------------------- the server

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

/** The last `lines` lines of a log file. */
export function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** main.py on a free loopback port, with every Jupyter directory inside tmp and `notebooks` in its root. */
async function startServer(opts, tmp, notebooks) {
  const dirs = { home: 'home', runtime: 'runtime', config: 'config', data: 'data', notebooks: 'notebooks', state: 'lab-state' };
  for (const k of Object.keys(dirs)) {
    dirs[k] = path.join(tmp, dirs[k]);
    await fsp.mkdir(dirs[k], { recursive: true, mode: 0o700 });
  }
  // no "Would you like to get notified about official Jupyter news?" toast over the panels
  const notify = path.join(dirs.state, 'user_settings', '@jupyterlab', 'apputils-extension');
  await fsp.mkdir(notify, { recursive: true });
  await fsp.writeFile(path.join(notify, 'notification.jupyterlab-settings'),
    JSON.stringify({ fetchNews: 'false', checkForUpdates: false }));
  for (const [name, nb] of Object.entries(notebooks)) {
    await fsp.writeFile(path.join(dirs.notebooks, name), JSON.stringify(nb, null, 1));
  }

  const env = {
    ...process.env,
    HOME: dirs.home,
    JUPYTER_RUNTIME_DIR: dirs.runtime,
    JUPYTER_CONFIG_DIR: dirs.config,
    JUPYTER_DATA_DIR: dirs.data,
    JUPYTER_PATH: opts.jupyterPath,
    SCRATCHNET_LAB_STATE_DIR: dirs.state,
    PYTHONDONTWRITEBYTECODE: '1',
  };
  delete env.JUPYTER_CONFIG_PATH;
  delete env.JUPYTER_PREFER_ENV_PATH;
  const logFile = path.join(tmp, 'server.log');
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const out = fs.openSync(logFile, 'a');
    // no token: the server listens on loopback only, for the length of the test
    const proc = spawn(opts.python, [path.join(HERE, 'main.py'), '--ServerApp.ip=127.0.0.1', `--ServerApp.port=${port}`,
      '--ServerApp.port_retries=0', '--ServerApp.token=', '--ServerApp.password=', '--ServerApp.open_browser=False',
      `--ServerApp.root_dir=${dirs.notebooks}`, '--ServerApp.allow_root=True'],
    { env, cwd: dirs.notebooks, stdio: ['ignore', out, out], detached: true });
    fs.closeSync(out);
    const url = `http://127.0.0.1:${port}`;
    const end = Date.now() + 60000;
    while (Date.now() < end && proc.exitCode === null) {
      try {
        if ((await fetch(`${url}/api/kernelspecs`, { signal: AbortSignal.timeout(2000) })).ok) {
          return { proc, url, logFile };
        }
      } catch { /* not yet */ }
      await sleep(200);
    }
    if (proc.exitCode === null) {
      process.kill(-proc.pid, 'SIGKILL');
      throw new Error(`the server did not answer on ${url} within 60 s:\n${tail(logFile)}`);
    }
    if (attempt >= 3) throw new Error(`the server exited at start:\n${tail(logFile)}`);
    log(`server exited at start (port ${port} taken?), retrying`);
  }
}

/** Shuts the kernels down through the API (they live in their own sessions), then the server. */
async function stopServer(server) {
  const { proc, url } = server;
  try {
    const kernels = await (await fetch(`${url}/api/kernels`, { signal: AbortSignal.timeout(5000) })).json();
    for (const k of kernels) {
      await fetch(`${url}/api/kernels/${k.id}`, { method: 'DELETE', signal: AbortSignal.timeout(15000) })
        .catch((e) => log(`stopping kernel ${k.id}: ${e.message}`));
    }
  } catch (e) {
    log(`listing the kernels: ${e.message}`);
  }
  for (const sig of ['SIGTERM', 'SIGKILL']) {
    try { process.kill(-proc.pid, sig); } catch { /* gone */ }
    const end = Date.now() + 5000;
    while (proc.exitCode === null && proc.signalCode === null && Date.now() < end) await sleep(100);
    if (proc.exitCode !== null || proc.signalCode !== null) return;
  }
}

// ---------------------------------------------------------------- the page

/**
 * Opens `name` in JupyterLab and waits for its scratchnet kernel to be idle; returns the
 * JupyterLab version.
 */
export async function openNotebook(page, server, name) {
  await page.goto(`${server.url}/lab/tree/${name}`);
  await page.waitForSelector('body[data-lab-restored="true"]', { state: 'attached', timeout: 90000 });
  await page.locator('.jp-NotebookPanel .jp-CodeCell').first().waitFor({ timeout: 30000 });
  await page.waitForFunction(() => {
    const w = window.jupyterapp.shell.currentWidget;
    const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
    return k && k.name === 'scratchnet' && k.status === 'idle';
  }, null, { timeout: 120000, polling: 250 }).catch(async () => {
    throw new Error(`the scratchnet kernel did not become idle; server log:\n${tail(server.logFile)}`);
  });
  return page.evaluate(() => window.jupyterapp.version);
}

/** Runs code cell `index` with Shift+Enter and waits for its prompt to show `[count]`. */
export async function runCell(page, index, count, ms = 60000) {
  await page.locator('.jp-NotebookPanel .jp-CodeCell').nth(index).locator('.cm-content').click();
  await page.keyboard.press('Shift+Enter');
  await page.waitForFunction(([i, n]) => {
    const p = document.querySelectorAll('.jp-NotebookPanel .jp-CodeCell')[i].querySelector('.jp-InputArea-prompt');
    return p && p.textContent.includes(`[${n}]`);
  }, [index, count], { timeout: ms }).catch(() => {
    throw new Error(`cell ${index + 1} did not finish as In [${count}] within ${ms / 1000} s`);
  });
}

// ---------------------------------------------------------------- the run

/**
 * Parses the arguments, serves `notebooks` ({file name: notebook JSON}), opens Chromium and calls
 * `run({ page, server, opts, pass, shot })`; `pass(name, body)` runs one of `steps` (in order) and
 * prints its result, `shot(name, locator?)` saves name.png. Exits the process.
 */
export async function runLab({ steps, notebooks, run }) {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2), steps);
  } catch (e) {
    console.log(`FAIL arguments: ${e.message}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  await fsp.mkdir(opts.screenshots, { recursive: true });
  // no screenshot of an earlier run may pass for one of this run
  for (const f of await fsp.readdir(opts.screenshots)) {
    if (f.endsWith('.png')) await fsp.rm(path.join(opts.screenshots, f));
  }
  const tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'scratchnet-jupyterlab-'));
  let passed = 0;
  let failed = 0;
  let browser = null;
  let server = null;
  const pass = async (name, body) => {
    if (steps[passed] !== name) throw new Error(`step ${name} is not step ${passed + 1} of the steps (${steps[passed]})`);
    const t0 = Date.now();
    try {
      const detail = await body();
      passed++;
      console.log(`PASS ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s; ${detail})`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${name}: ${String(e && e.message || e).replace(/\n/g, '\n    ')}`);
      throw e;
    }
  };
  const watchdog = setTimeout(() => {
    console.log(`FAIL timeout: the run took more than ${opts.timeout} s`);
    console.log(`${passed} passed, ${failed + 1} failed`);
    process.exit(1);
  }, opts.timeout * 1000);
  try {
    server = await startServer(opts, tmp, notebooks);
    log(`server ${server.url}`);
    browser = await chromium.launch({
      executablePath: opts.chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      timeout: 60000,
    });
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    page.setDefaultTimeout(30000);
    page.on('pageerror', (e) => log(`page error: ${e.message}`));
    const shot = async (name, locator) => {
      const file = path.join(opts.screenshots, `${name}.png`);
      await (locator || page).screenshot({ path: file });
      log(`screenshot ${file}`);
      return file;
    };
    try {
      await run({ page, server, opts, pass, shot });
    } catch (e) {
      // the failing step has printed its FAIL line; keep what the page showed
      await page.screenshot({ path: path.join(opts.screenshots, 'failure.png') }).catch(() => {});
      if (failed === 0) throw e;
    }
  } catch (e) {
    if (failed === 0) {
      failed++;
      console.log(`FAIL setup: ${String(e && e.message || e).replace(/\n/g, '\n    ')}`);
    }
  } finally {
    if (browser) await browser.close().catch((e) => log(`closing Chromium: ${e.message}`));
    if (server) await stopServer(server);
    if (opts.keep) log(`kept ${tmp}`);
    else await fsp.rm(tmp, { recursive: true, force: true });
    clearTimeout(watchdog);
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}
