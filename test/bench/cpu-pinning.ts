// Keeps the plugin's JavaScript thread on a core of its own while a bench floods the server, so the
// microsecond figures of its hook measure the plugin and not the OS scheduler: on 2 shared
// cores, Mattermost, PostgreSQL and the poster preempt the plugin mid-hook (ms-long stalls in
// a 10 µs section). Only this bench's own process tree is moved; other users' processes keep
// their cores, so the isolation is partial on a shared machine.
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';

function parentOf(pid: string): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined; // gone while we looked
  }
}

/** This process and every process it started, directly or not. */
function ownTree(): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentOf(entry);
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const tree: number[] = [];
  for (const queue = [process.pid]; queue.length;) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** Every thread of a process; the first is its main (JavaScript) thread. */
function threadsOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).map(Number).sort((a, b) => (a === pid ? -1 : b === pid ? 1 : a - b));
  } catch {
    return [];
  }
}

function pin(tid: number, cpuList: string): boolean {
  return spawnSync('taskset', ['-cp', cpuList, String(tid)], { stdio: 'ignore' }).status === 0;
}

/**
 * Pins the plugin's main thread to core 0 and everything else of the bench's tree (the plugin's
 * GC and I/O helper threads too) to the other cores; undone by the returned function.
 */
export function pinPluginApart(pluginPids: number[]): { pinned: boolean; undo(): void } {
  const n = cpus().length;
  if (n < 2 || pluginPids.length === 0) return { pinned: false, undo: () => undefined };
  const all = `0-${n - 1}`;
  const rest = `1-${n - 1}`;
  const threads = ownTree().flatMap(threadsOf);
  const mains = new Set(pluginPids);
  const pinned = pluginPids.every((pid) => pin(pid, '0')) && threads.filter((tid) => !mains.has(tid)).map((tid) => pin(tid, rest)).some(Boolean);
  return { pinned, undo: () => { for (const tid of threads) pin(tid, all); } };
}
