// Plain JavaScript on purpose: jest loads the test environment outside its ESM
// transform pipeline (as globalSetup).
import { relative } from 'node:path';
import { TestEnvironment } from 'jest-environment-node';

/** How long the handles a file closed in afterAll may take to go (a socket's last turns). */
const SETTLE_MS = 3000;

/** Node's ref'd handles: sockets, servers, child processes, pipes (timers are not among them). */
const activeHandles = () =>
  /** @type {{ _getActiveHandles(): object[] }} */ (process)._getActiveHandles();

/** Ref'd timers and immediates, which keep the process alive as handles do. */
const activeTimers = () =>
  process.getActiveResourcesInfo().filter((name) => name === 'Timeout' || name === 'Immediate')
    .length;

/** @param {any} handle */
function describeHandle(handle) {
  const name = handle?.constructor?.name ?? typeof handle;
  if (name === 'Socket' && handle.remotePort !== undefined) {
    return `a client or server socket ${handle.localAddress}:${handle.localPort} -> ${handle.remoteAddress}:${handle.remotePort}${handle.isPaused?.() ? ' (paused: a response body nobody read?)' : ''}`;
  }
  if (name === 'Server') return `a listening server ${JSON.stringify(handle.address?.())}`;
  if (name === 'ChildProcess') return `a child process ${handle.spawnfile} (pid ${handle.pid})`;
  return `a ${name}`;
}

/** jest-worker's "end" request to a worker (CHILD_MESSAGE_END). */
const CHILD_MESSAGE_END = 2;

/**
 * Once per worker process: when jest asks the worker to end, anything still
 * keeping its event loop alive a second later is printed to stderr with the last
 * test file it ran (jest force-kills it after `workerGracefulExitTimeout` with only
 * "A worker process has failed to exit gracefully"). The timer is unref'd: a
 * worker whose loop ends prints nothing, even while it takes its time to give its
 * memory back (jest.config.js).
 */
function reportWhatOutlivesTheWorker() {
  const key = Symbol.for('fachtag.exitReport');
  const host = /** @type {Record<symbol, boolean>} */ (/** @type {unknown} */ (process));
  if (host[key] || typeof process.send !== 'function') return;
  host[key] = true;
  /** @param {unknown} message */
  const onMessage = (message) => {
    if (!Array.isArray(message) || message[0] !== CHILD_MESSAGE_END) return;
    // a 'message' listener keeps the IPC channel ref'd: ours must not be what stays
    process.removeListener('message', onMessage);
    setTimeout(() => {
      const handles = activeHandles().map(describeHandle);
      process.stderr.write(
        `jest worker ${process.pid} still alive after its last file (${lastFile}): ` +
          `${[...handles, ...process.getActiveResourcesInfo()].join('; ')}\n`,
      );
    }, 1000).unref();
  };
  process.on('message', onMessage);
}

let lastFile = '(none)';

/**
 * jest's node environment, failing a test file that leaves a handle open behind it:
 * a socket, a server, a child process or a timer that the file opened and did not
 * close by the end of its afterAll. Such a handle keeps jest's worker alive after the
 * run ("A worker process has failed to exit gracefully"), and nobody could tell which
 * file left it; here the file that did fails, naming the handle.
 */
export default class LeakCheckingEnvironment extends TestEnvironment {
  /**
   * @param {import('@jest/environment').JestEnvironmentConfig} config
   * @param {import('@jest/environment').EnvironmentContext} context
   */
  constructor(config, context) {
    super(config, context);
    this.file = relative(process.cwd(), context.testPath);
    /** @type {Set<object>} */
    this.before = new Set();
    this.timersBefore = 0;
  }

  async setup() {
    reportWhatOutlivesTheWorker();
    lastFile = this.file;
    await super.setup();
    this.before = new Set(activeHandles());
    this.timersBefore = activeTimers();
  }

  async teardown() {
    await super.teardown();
    const deadline = Date.now() + SETTLE_MS;
    let left = this.leftOver();
    while ((left.handles.length > 0 || left.timers > 0) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      left = this.leftOver();
    }
    const found = [
      ...left.handles.map(describeHandle),
      ...(left.timers > 0 ? [`${left.timers} timer(s) still running`] : []),
    ];
    if (found.length > 0) {
      throw new Error(
        `${this.file} left open behind it: ${found.join('; ')}. ` +
          'Close it in afterAll (closeAll in test/harness/teardown.ts runs every step ' +
          'even when one fails; fetchStatus in test/harness/http.ts reads a body nobody looks at).',
      );
    }
  }

  leftOver() {
    return {
      handles: activeHandles().filter((handle) => !this.before.has(handle)),
      timers: Math.max(0, activeTimers() - this.timersBefore),
    };
  }
}
