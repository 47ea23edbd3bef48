import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { claimDataFolder, DATA_FOLDER_LOCK, DataFolderInUseError } from './data-folder-lock';
import { processStartTime } from './process-probe';

describe('claimDataFolder', () => {
  let dir: string;
  let other: ChildProcess | null = null;

  /** Another process, standing in for another Kivuko. */
  async function otherProcess(): Promise<number> {
    other = spawn(process.execPath, ['-e', 'setTimeout(() => undefined, 60_000)'], { stdio: 'ignore' });
    await new Promise((resolve) => other?.once('spawn', resolve));
    return other.pid as number;
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kivuko-lock-'));
  });

  afterEach(() => {
    other?.kill('SIGKILL');
    other = null;
    rmSync(dir, { recursive: true, force: true });
  });

  it('records this process as the owner, and the release removes the lock', async () => {
    const release = await claimDataFolder(dir);
    expect(JSON.parse(readFileSync(join(dir, DATA_FOLDER_LOCK), 'utf8'))).toEqual({ pid: process.pid, startedAt: processStartTime(process.pid) });
    await release();
    expect(existsSync(join(dir, DATA_FOLDER_LOCK))).toBe(false);
  });

  it('refuses while another living process holds the folder, naming it', async () => {
    const pid = await otherProcess();
    writeFileSync(join(dir, DATA_FOLDER_LOCK), JSON.stringify({ pid, startedAt: processStartTime(pid) }));
    const refusal = claimDataFolder(dir);
    await expect(refusal).rejects.toBeInstanceOf(DataFolderInUseError);
    await expect(refusal).rejects.toThrow(`another Kivuko (pid ${pid}) is using the data folder ${dir}`);
  });

  it('takes over the lock of a process that is gone', async () => {
    const pid = await otherProcess();
    writeFileSync(join(dir, DATA_FOLDER_LOCK), JSON.stringify({ pid, startedAt: processStartTime(pid) }));
    other?.kill('SIGKILL');
    await new Promise((resolve) => other?.once('exit', resolve));
    const release = await claimDataFolder(dir);
    expect(JSON.parse(readFileSync(join(dir, DATA_FOLDER_LOCK), 'utf8')).pid).toBe(process.pid);
    await release();
  });

  // Start times are read from /proc; the project and its CI run on Linux.
  it('takes over a lock whose process id now belongs to a process started later', async () => {
    const pid = await otherProcess();
    writeFileSync(join(dir, DATA_FOLDER_LOCK), JSON.stringify({ pid, startedAt: '1' }));
    const release = await claimDataFolder(dir);
    expect(JSON.parse(readFileSync(join(dir, DATA_FOLDER_LOCK), 'utf8')).pid).toBe(process.pid);
    await release();
  });

  it('takes over a lock left garbled by a crash while it was written', async () => {
    writeFileSync(join(dir, DATA_FOLDER_LOCK), '{"pid":');
    const release = await claimDataFolder(dir);
    expect(JSON.parse(readFileSync(join(dir, DATA_FOLDER_LOCK), 'utf8')).pid).toBe(process.pid);
    await release();
  });

  it('leaves a lock alone on release once another process has taken it over', async () => {
    const release = await claimDataFolder(dir);
    const pid = await otherProcess();
    writeFileSync(join(dir, DATA_FOLDER_LOCK), JSON.stringify({ pid, startedAt: processStartTime(pid) }));
    await release();
    expect(JSON.parse(readFileSync(join(dir, DATA_FOLDER_LOCK), 'utf8')).pid).toBe(pid);
  });
});
