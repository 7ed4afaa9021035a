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
