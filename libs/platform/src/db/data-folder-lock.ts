import { readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isProcessAlive, processStartTime } from './process-probe';

/** Beside the cluster: which Kivuko process runs the embedded database of this data folder. */
export const DATA_FOLDER_LOCK = 'kivuko.lock';

interface LockOwner {
  pid: number;
  /** Null where the platform cannot tell when a process started. */
  startedAt: string | null;
}

export class DataFolderInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `another Kivuko (pid ${ownerPid}) is using the data folder ${dataDir}; ` +
        'stop it first, or point KIVUKO_DATA_DIR at another folder',
    );
    this.name = 'DataFolderInUseError';
  }
}

async function readOwner(file: string): Promise<LockOwner | null> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid !== 'number' || !Number.isInteger(parsed.pid) || parsed.pid <= 0) return null;
    return { pid: parsed.pid, startedAt: typeof parsed.startedAt === 'string' ? parsed.startedAt : null };
  } catch {
    return null; // gone, or garbled by a crash while it was written: nobody holds it
  }
}

/** The recorded process is still running, and is the same process (not a later one given its id). */
function isLiving(owner: LockOwner): boolean {
  if (!isProcessAlive(owner.pid)) return false;
  const startedAt = processStartTime(owner.pid);
  return owner.startedAt === null || startedAt === null || startedAt === owner.startedAt;
}

/**
 * Claims the data folder for this process, taking over a lock whose owner is gone (killed, crashed).
 * Refuses while a living Kivuko holds it. Returns the release, which removes the lock if still ours.
 */
export async function claimDataFolder(dataDir: string): Promise<() => Promise<void>> {
  const file = join(dataDir, DATA_FOLDER_LOCK);
  const self: LockOwner = { pid: process.pid, startedAt: processStartTime(process.pid) };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(file, `${JSON.stringify(self)}\n`, { flag: 'wx', mode: 0o600 });
      return async () => {
        if ((await readOwner(file))?.pid === self.pid) await unlink(file).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = await readOwner(file);
    if (owner && owner.pid !== self.pid && isLiving(owner)) throw new DataFolderInUseError(dataDir, owner.pid);
    await unlink(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
  throw new Error(`could not claim the data folder ${dataDir}: its lock ${DATA_FOLDER_LOCK} keeps coming back`);
}
