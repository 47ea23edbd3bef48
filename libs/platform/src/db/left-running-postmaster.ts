import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DataFolderInUseError } from './data-folder-lock';
import { isProcessAlive, processCommandLine, processParent } from './process-probe';

/**
 * How a server left running is asked to stop: fast shutdown (disconnect, checkpoint, exit) first,
 * then immediate shutdown, and only then SIGKILL; each given this long to end.
 */
export const POSTMASTER_STOP_STEPS: readonly { signal: NodeJS.Signals; waitMs: number }[] = [
  { signal: 'SIGINT', waitMs: 30_000 },
  { signal: 'SIGQUIT', waitMs: 10_000 },
  { signal: 'SIGKILL', waitMs: 5_000 },
];

async function waitForExit(pid: number, waitMs: number): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isProcessAlive(pid);
}

/**
 * Stops the PostgreSQL server of `clusterDir` that a Kivuko left running when it died without
 * stopping it (SIGKILL, a crash). The caller has claimed the data folder, so no living Kivuko owns
 * that server. A pid file whose process is gone is left to PostgreSQL, which clears it itself.
 * Returns the id of the server it stopped, or null when none was running.
 */
export async function stopLeftRunningPostmaster(clusterDir: string, log: (message: string) => void): Promise<number | null> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  let pid: number;
  try {
    pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || !isProcessAlive(pid)) return null;
  // The id may have been given to an unrelated process since (after a reboot): leave that one alone.
  const command = processCommandLine(pid);
  if (command !== null && !(command.includes('postgres') && command.includes(clusterDir))) return null;
  // A server whose parent still runs Node was started by a Kivuko that lives (one that predates the
  // lock, or whose lock was deleted): it is not left over. A left-over one was adopted by init.
  const parent = processParent(pid);
  if (parent !== null && parent !== 1 && parent !== process.pid && /\bnode\b/.test(processCommandLine(parent) ?? '')) {
    throw new DataFolderInUseError(dirname(clusterDir), parent);
  }

  log(`embedded postgres: a server (pid ${pid}) was left running on ${clusterDir} by a Kivuko that is gone; stopping it`);
  for (const step of POSTMASTER_STOP_STEPS) {
    try {
      process.kill(pid, step.signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return pid;
      throw new Error(`could not stop the server left running on ${clusterDir} (pid ${pid}): ${(error as Error).message}`);
    }
    if (await waitForExit(pid, step.waitMs)) {
      log(`embedded postgres: stopped the server left running (pid ${pid}) with ${step.signal}`);
      return pid;
    }
  }
  throw new Error(`the server left running on ${clusterDir} (pid ${pid}) did not stop; stop it by hand`);
}
