#!/usr/bin/env node
// The scratchnet kernel's debugger through @jupyterlab/services, the library JupyterLab talks to
// kernels with: starts a Jupyter server (jupyter_server) on loopback with a token and the
// scratchnet kernelspec, starts a kernel through KernelManager, and replays what JupyterLab 4's
// debugger sends (kernel.requestDebug on the control channel, debug events on IOPub) on notebook
// 000's hand-written training loop: breakpoint on the hidden layer's backward step, stop, the
// frame's variables (dz's shape), stepIn into scratchnet and its source, next, breakpoints
// removed, continue; the cell must print the losses it prints without the debugger.
//
//   node debugger_services.mjs --jupyter-path DIR --notebook notebooks/000-sine-regression.ipynb
//
// DIR holds kernels/scratchnet/kernel.json. Optional: --python PATH (default /usr/bin/python3),
// --timeout SECONDS (the whole run, default 300), --keep (keep the temporary directory).
// Prints "PASS name (…)" or "FAIL name: reason" per check, then "N passed, M failed"; exit code 0
// when everything passed, 1 otherwise, 2 for bad arguments.

import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { KernelManager, ServerConnection } from '@jupyterlab/services';
import WebSocket from 'ws';

const KERNEL_NAME = 'scratchnet';
/** How far (relative) a loss under the debugger may be from the same cell's without it (see debugger_scenario.py). */
const LOSS_TOLERANCE = 1e-4;

// ---------------------------------------------------------------- arguments

function parseArgs(argv) {
  const opts = { jupyterPath: null, notebook: null, python: '/usr/bin/python3', timeout: 300, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    switch (a) {
      case '--jupyter-path': opts.jupyterPath = value(); break;
      case '--notebook': opts.notebook = value(); break;
      case '--python': opts.python = value(); break;
      case '--timeout': opts.timeout = Number(value()); break;
      case '--keep': opts.keep = true; break;
      default: throw new Error(`unknown argument ${a}; expected --jupyter-path DIR --notebook PATH [--python PATH] [--timeout S] [--keep]`);
    }
  }
  if (!opts.jupyterPath || !opts.notebook) throw new Error('--jupyter-path DIR and --notebook PATH are required');
  const spec = path.join(opts.jupyterPath, 'kernels', KERNEL_NAME, 'kernel.json');
  if (!fs.existsSync(spec)) throw new Error(`expected the kernelspec ${spec}; it does not exist`);
  if (!(opts.timeout > 0)) throw new Error(`--timeout must be a positive number of seconds, got ${opts.timeout}`);
  return opts;
}

// ---------------------------------------------------------------- the notebook

/** The cell defining x and y and the hand-written training loop of notebook 000. */
function notebookCells(file) {
  const nb = JSON.parse(fs.readFileSync(file, 'utf8'));
  const code = nb.cells.filter(c => c.cell_type === 'code')
    .map(c => Array.isArray(c.source) ? c.source.join('') : c.source);
  const data = code.filter(c => /\bvar x = /.test(c) && /\bvar y = /.test(c));
  const loop = code.filter(c => c.includes('for (int it = 0;') && /\bdz\b/.test(c));
  if (data.length !== 1 || loop.length !== 1) {
    throw new Error(`${file} should have one cell defining x and y and one training loop with dz; found ${data.length} and ${loop.length}`);
  }
  return { data: data[0], loop: loop[0] };
}

/** The 1-based line of the loop's hidden-layer backward step: dz = wᵀ·dz ⊙ σ'(z). */
function backwardLine(cell) {
  const lines = cell.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (/^\s*dz\s*=\s*\S.*\bdot\(dz\)/.test(lines[i])) return i + 1;
  }
  throw new Error("the training loop has no line 'dz = …dot(dz)…'");
}

/** 32-bit MurmurHash2 of the text's UTF-8 bytes: how JupyterLab names a cell's file (debugInfo's hashMethod). */
function murmur2(text, seed) {
  const data = Buffer.from(text, 'utf8');
  const m = 0x5bd1e995;
  let len = data.length;
  let h = (seed ^ len) >>> 0;
  let i = 0;
  while (len - i >= 4) {
    let k = data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24);
    k = Math.imul(k, m);
    k ^= k >>> 24;
    k = Math.imul(k, m);
    h = Math.imul(h, m) ^ k;
    i += 4;
  }
  const rest = len - i;
  if (rest === 3) h ^= data[i + 2] << 16;
  if (rest >= 2) h ^= data[i + 1] << 8;
  if (rest >= 1) {
    h ^= data[i];
    h = Math.imul(h, m);
  }
  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h >>> 0;
}

function lossLines(text) {
  return text.split('\n').map(l => l.trim()).filter(l => /^-?\d+(\.\d+)?([eE]-?\d+)?$/.test(l));
}

// ---------------------------------------------------------------- the server

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = ms => new Promise(r => setTimeout(r, ms));

async function startServer(opts, tmp) {
  const dirs = {};
  for (const d of ['home', 'runtime', 'config', 'data', 'root']) {
    dirs[d] = path.join(tmp, d);
    fs.mkdirSync(dirs[d], { recursive: true });
  }
  const env = { ...process.env };
  for (const v of ['JUPYTER_CONFIG_PATH', 'JUPYTER_PREFER_ENV_PATH', 'JUPYTER_TOKEN']) delete env[v];
  Object.assign(env, {
    JUPYTER_PATH: path.resolve(opts.jupyterPath), JUPYTER_RUNTIME_DIR: dirs.runtime,
    JUPYTER_CONFIG_DIR: dirs.config, JUPYTER_DATA_DIR: dirs.data, HOME: dirs.home, PYTHONUNBUFFERED: '1',
  });
  const port = await freePort();
  const token = crypto.randomBytes(16).toString('hex');
  const args = ['-m', 'jupyter_server', '--no-browser', '--ip=127.0.0.1', `--port=${port}`, '--port-retries=0',
    `--ServerApp.token=${token}`, '--ServerApp.password=', `--ServerApp.root_dir=${dirs.root}`];
  if (process.getuid && process.getuid() === 0) args.push('--allow-root');
  const log = fs.openSync(path.join(tmp, 'server.log'), 'w');
  const proc = spawn(opts.python, args, { env, stdio: ['ignore', log, log], detached: true });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) break;
    try {
      const r = await fetch(`${base}/api/kernelspecs`, { headers: { Authorization: `token ${token}` } });
      if (r.ok) {
        const specs = await r.json();
        if (!specs.kernelspecs[KERNEL_NAME]) {
          throw new Error(`the server does not list the ${KERNEL_NAME} kernelspec; it has ${Object.keys(specs.kernelspecs)}`);
        }
        return { proc, base, token, log: path.join(tmp, 'server.log') };
      }
    } catch (e) {
      if (e.message.includes('kernelspec')) throw e;
    }
    await sleep(300);
  }
  const text = fs.readFileSync(path.join(tmp, 'server.log'), 'utf8').slice(-1500);
  stopServer({ proc });
  throw new Error(`the Jupyter server did not answer within 60 s (exit ${proc.exitCode}); its log: ${text}`);
}

function stopServer(server) {
  if (!server || !server.proc || server.proc.exitCode !== null) return;
  try {
    process.kill(-server.proc.pid, 'SIGTERM');   // the server and the kernels it started
  } catch (e) { /* gone */ }
  setTimeout(() => {
    try { process.kill(-server.proc.pid, 'SIGKILL'); } catch (e) { /* gone */ }
  }, 5000).unref();
}

// ---------------------------------------------------------------- JupyterLab's debugger, replayed

/** One notebook's debugger as JupyterLab's DebuggerService/DebuggerSession drives it through a KernelConnection. */
class Lab {
  constructor(kernel) {
    this.kernel = kernel;
    this.seq = 0;
    this.events = [];
    this.waiters = [];
    this.started = false;
    this.stoppedThreads = new Set();
    this.pending = [];
    // DebuggerSession listens on iopubMessage; the handler follows a running cell's variables
    kernel.iopubMessage.connect((_, msg) => {
      if (msg.header.msg_type === 'debug_event') {
        const e = msg.content;
        if (e.event === 'stopped') this.stoppedThreads = new Set([e.body.threadId]);
        if (e.event === 'continued') this.stoppedThreads.delete(e.body.threadId);
        this.events.push(e);
        this.waiters = this.waiters.filter(w => !w());
      } else if (msg.parent_header && msg.parent_header.msg_type === 'execute_request'
        && this.started && this.stoppedThreads.size === 0) {
        this.pending.push(this.request('inspectVariables', {}));
      }
    });
  }

  /** session.sendRequest: a debug_request on control, resolved with the debug_reply's content. */
  async request(command, args) {
    const future = this.kernel.requestDebug({ type: 'request', seq: this.seq++, command, arguments: args });
    let reply;
    future.onReply = msg => { reply = msg.content; };
    await future.done;
    return reply;
  }

  async ok(command, args) {
    const c = await this.request(command, args);
    if (!c || c.success !== true || c.command !== command) {
      throw new Error(`${command} ${JSON.stringify(args)} failed: ${JSON.stringify(c).slice(0, 300)}`);
    }
    return c.body || {};
  }

  /** The next debug event named `name` after the ones already taken. */
  event(name, timeoutMs) {
    return new Promise((resolve, reject) => {
      const take = () => {
        const i = this.events.findIndex(e => e.event === name);
        if (i < 0) return false;
        const e = this.events[i];
        this.events.splice(0, i + 1);
        clearTimeout(timer);
        resolve(e);
        return true;
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter(w => w !== take);
        reject(new Error(`no ${name} debug event within ${timeoutMs / 1000} s; events ${JSON.stringify(this.events.map(e => e.event))}`));
      }, timeoutMs);
      if (!take()) this.waiters.push(take);
    });
  }

  /** An execute_request; returns {done: Promise of {reply, stdout}}. */
  execute(code) {
    const future = this.kernel.requestExecute({ code, stop_on_error: true });
    let stdout = '';
    future.onIOPub = msg => {
      if (msg.header.msg_type === 'stream' && msg.content.name === 'stdout') stdout += msg.content.text;
    };
    return {
      done: future.done.then(reply => {
        // handler.executionDone → service.displayModules()
        this.pending.push(this.request('modules', {}));
        return { reply: reply.content, stdout };
      }),
    };
  }

  async switchOn() {
    const info = await this.ok('debugInfo', {});
    const caps = await this.ok('initialize', {
      clientID: 'jupyterlab', clientName: 'JupyterLab', adapterID: KERNEL_NAME, pathFormat: 'path',
      linesStartAt1: true, columnsStartAt1: true, supportsVariableType: true, supportsVariablePaging: true,
      supportsRunInTerminalRequest: true, locale: 'en',
    });
    await this.ok('attach', {});
    this.started = true;
    await this.ok('setExceptionBreakpoints', { filters: [] });
    const variables = await this.ok('inspectVariables', {});
    if (caps.supportsModulesRequest) await this.ok('modules', {});
    return { info, caps, variables };
  }

  async gutterClick(code, lines) {
    const { sourcePath } = await this.ok('dumpCell', { code });
    await this.ok('debugInfo', {});
    const body = await this.ok('setBreakpoints', { breakpoints: lines.map(line => ({ line })), source: { path: sourcePath }, sourceModified: false });
    return { path: sourcePath, breakpoints: body.breakpoints };
  }

  /** _getAllFrames, then the top frame's scopes and their variables at once. */
  async onStopped(threadId) {
    const { stackFrames } = await this.ok('stackTrace', { threadId });
    if (!stackFrames || !stackFrames.length) throw new Error('stackTrace: no frames');
    const { scopes } = await this.ok('scopes', { frameId: stackFrames[0].id });
    const lists = await Promise.all(scopes.map(s => this.ok('variables', { variablesReference: s.variablesReference })));
    const variables = {};
    lists.forEach(l => l.variables.forEach(v => { variables[v.name] = v; }));
    return { frames: stackFrames, variables };
  }

  /** (rows, cols) of a Matrix variable: from a shape in its value, else from its rows and cols fields. */
  async shapeOf(v) {
    const m = /(\d+)\s*[×x]\s*(\d+)/.exec(v.value || '');
    if (m) return { rows: Number(m[1]), cols: Number(m[2]), how: `summary ${v.value}` };
    if (!(v.variablesReference > 0)) throw new Error(`${v.name} has no shape in its value and cannot be expanded: ${JSON.stringify(v)}`);
    const { variables } = await this.ok('variables', { variablesReference: v.variablesReference });
    const f = Object.fromEntries(variables.map(c => [c.name, c.value]));
    if (f.rows === undefined || f.cols === undefined) throw new Error(`${v.name} has no rows/cols fields: ${Object.keys(f)}`);
    return { rows: Number(f.rows), cols: Number(f.cols), how: `fields rows=${f.rows} cols=${f.cols}` };
  }
}

function check(cond, message) {
  if (!cond) throw new Error(message);
}

async function scenario(kernel, cells) {
  const lab = new Lab(kernel);
  const line = backwardLine(cells.loop);
  // a notebook opens: the session's connection setter, then restoreState(false)
  await lab.request('debugInfo');
  const opened = await lab.ok('debugInfo', {});
  check(opened.isStarted === false, `debugInfo on opening: ${JSON.stringify(opened)}`);

  let r = await lab.execute(cells.data).done;
  check(r.reply.status === 'ok', `the data cell: ${JSON.stringify(r.reply).slice(0, 300)}`);
  r = await lab.execute(cells.loop).done;
  check(r.reply.status === 'ok', `the training cell without the debugger: ${JSON.stringify(r.reply).slice(0, 300)}`);
  const expected = lossLines(r.stdout);
  check(expected.length >= 10, `the training cell should print its losses; printed ${r.stdout.slice(0, 200)}`);

  const { info, variables } = await lab.switchOn();
  const names = variables.variables.map(v => v.name);
  check(['x', 'y', 'params', 'al'].every(n => names.includes(n)), `inspectVariables after switching on: ${names}`);
  const click = await lab.gutterClick(cells.loop, [line]);
  const expectedPath = info.tmpFilePrefix + murmur2(cells.loop, info.hashSeed) + info.tmpFileSuffix;
  check(click.path === expectedPath, `dumpCell's path ${click.path}; JupyterLab computes ${expectedPath}`);
  check(click.breakpoints.length === 1 && click.breakpoints[0].verified === true && click.breakpoints[0].line === line,
    `setBreakpoints on line ${line}: ${JSON.stringify(click.breakpoints)}`);

  const run = lab.execute(cells.loop);
  const stopped = (await lab.event('stopped', 60_000)).body;
  check(stopped.reason === 'breakpoint', `stopped: ${JSON.stringify(stopped)}`);
  const thread = stopped.threadId;
  let { frames, variables: vars } = await lab.onStopped(thread);
  check(frames[0].source && frames[0].source.path === click.path && frames[0].line === line,
    `the top frame should be the cell's line ${line}; got ${JSON.stringify(frames[0])}`);
  check(vars.dz, `dz is not among the frame's variables: ${Object.keys(vars)}`);
  check(vars.it && vars.it.value === '0' && vars.i && vars.i.value === '1',
    `the first stop should be it = 0, i = 1: ${JSON.stringify([vars.it, vars.i])}`);
  const y = await lab.shapeOf(vars.y || { name: 'y' });
  const dz = await lab.shapeOf(vars.dz);
  check(dz.rows === y.rows && dz.cols === y.cols, `dz (al − y) should have y's shape ${y.rows}×${y.cols}; ${dz.how}`);

  await lab.ok('stepIn', { threadId: thread });
  let stop = (await lab.event('stopped', 30_000)).body;
  check(stop.reason === 'step', `after stepIn: ${JSON.stringify(stop)}`);
  ({ frames } = await lab.onStopped(stop.threadId));
  const inner = frames[0];
  const src = (inner.source && inner.source.path) || '';
  check(src.startsWith('scratchnet-sources/scratchnet/') && inner.line > 0,
    `after stepIn the top frame should be scratchnet's code; got ${JSON.stringify(inner)}`);
  check(frames[1].source && frames[1].source.path === click.path && frames[1].line === line,
    `the caller should be the cell's line ${line}; got ${JSON.stringify(frames[1])}`);
  const { content } = await lab.ok('source', { source: { path: src }, sourceReference: 0 });
  const method = inner.name.split('.').pop().split('(')[0];
  check(new RegExp(`\\b${method}\\s*\\(`).test(content), `the source of ${src} should define ${method}`);

  await lab.ok('next', { threadId: stop.threadId });
  stop = (await lab.event('stopped', 30_000)).body;
  check(stop.reason === 'step', `after next: ${JSON.stringify(stop)}`);
  ({ frames } = await lab.onStopped(stop.threadId));
  const after = frames[0];
  check(after.source && (after.source.path !== src || after.line !== inner.line),
    `next from ${src}:${inner.line} should stop further on; got ${JSON.stringify(after)}`);

  await lab.ok('setBreakpoints', { breakpoints: [], source: { path: click.path }, sourceModified: false });
  const cleared = await lab.ok('debugInfo', {});
  check(cleared.breakpoints.length === 0, `debugInfo still lists breakpoints: ${JSON.stringify(cleared.breakpoints)}`);
  await lab.ok('continue', { threadId: stop.threadId });
  r = await run.done;
  check(r.reply.status === 'ok', `the training cell under the debugger: ${JSON.stringify(r.reply).slice(0, 300)}`);
  const got = lossLines(r.stdout);
  check(got.length === expected.length && got[0] === expected[0],
    `under the debugger ${got.length} losses starting ${got[0]}; without it ${expected.length} starting ${expected[0]}`);
  const far = got.map((g, i) => [i, g, expected[i]]).filter(([, g, e]) => Math.abs(g - e) > LOSS_TOLERANCE * Math.abs(e));
  check(far.length === 0, `losses under the debugger differ from those without it: ${JSON.stringify(far.slice(0, 5))}`);
  for (const c of await Promise.all(lab.pending)) {
    check(c && c.success === true, `a request sent while the cell ran failed: ${JSON.stringify(c).slice(0, 300)}`);
  }
  await lab.ok('disconnect', { restart: false, terminateDebuggee: false });
  return `stopped at line ${line}, dz ${dz.rows}×${dz.cols} (${dz.how}), stepped into ${inner.name}, `
    + `${got.length} losses as without the debugger, ${lab.pending.length} requests while cells ran`;
}

// ---------------------------------------------------------------- main

/** Resolves once the kernel's websocket is connected (requests sent before that fail). */
function connected(kernel, timeoutMs) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the kernel's websocket did not connect within ${timeoutMs / 1000} s `
      + `(connection ${kernel.connectionStatus}, kernel ${kernel.status})`)), timeoutMs);
    const done = () => {
      if (kernel.connectionStatus === 'connected') {
        clearTimeout(timer);
        resolve();
        return true;
      }
      return false;
    };
    if (!done()) kernel.connectionStatusChanged.connect(() => { done(); });
  });
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'scratchnet-debugger-services-'));
  let server = null;
  let kernel = null;
  const watchdog = setTimeout(() => {
    console.log(`FAIL debugger_services: not finished within ${opts.timeout} s`);
    console.log('0 passed, 1 failed');
    stopServer(server);
    process.exit(1);
  }, opts.timeout * 1000);
  const t0 = Date.now();
  let failed = false;
  try {
    const cells = notebookCells(opts.notebook);
    server = await startServer(opts, tmp);
    const serverSettings = ServerConnection.makeSettings({
      baseUrl: server.base + '/', wsUrl: server.base.replace('http', 'ws') + '/', token: server.token,
      appendToken: true, WebSocket, fetch, Request, Headers,
    });
    const manager = new KernelManager({ serverSettings });
    await manager.ready;
    kernel = await manager.startNew({ name: KERNEL_NAME });
    await connected(kernel, 90_000);
    const info = await kernel.info;
    check(info && info.status === 'ok' && info.debugger === true,
      `kernel_info should say debugger: true; got ${JSON.stringify(info).slice(0, 300)}`);
    const note = await scenario(kernel, cells);
    console.log(`PASS debugger_services (${((Date.now() - t0) / 1000).toFixed(1)}s) ${note}`);
  } catch (e) {
    failed = true;
    console.log(`FAIL debugger_services: ${String(e && e.stack || e).split('\n').slice(0, 3).join(' ')}`);
    if (server && server.log && fs.existsSync(server.log)) {
      console.log('  server log: ' + fs.readFileSync(server.log, 'utf8').slice(-1200).replace(/\n/g, '\n  '));
    }
  } finally {
    try {
      if (kernel) await Promise.race([kernel.shutdown(), sleep(10_000)]);
    } catch (e) { /* the server stops it anyway */ }
    stopServer(server);
    clearTimeout(watchdog);
    if (!opts.keep) fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(failed ? '0 passed, 1 failed' : '1 passed, 0 failed');
  process.exit(failed ? 1 : 0);
}

main();
