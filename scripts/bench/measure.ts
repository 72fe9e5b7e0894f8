/**
 * Measurement helpers for the benchmark: run a child process with its output timestamped, and
 * sample the resident memory of its whole process tree from /proc (VmRSS summed over the tree,
 * VmHWM per process), so that the peak covers Astro's workers and Pagefind's binary too.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The fields of /proc/<pid>/stat from field 3 (the state) on: the command name before them, in
 * parentheses, may itself hold spaces. Null when the process is gone.
 */
function statFields(pid: number | string): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null; // the process ended while we looked
  }
}

/** Parent pid (field 4) of every process. */
function parents(): Map<number, number> {
  const out = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const fields = statFields(name);
    if (fields) out.set(Number(name), Number(fields[1]));
  }
  return out;
}

/** The pid and all its descendants. */
export function processTree(root: number): number[] {
  const ppid = parents();
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, parent] of ppid) if (parent === tree[i]) tree.push(pid);
  }
  return tree;
}

/** Clock ticks a second of /proc's CPU times (USER_HZ: 100 on Linux). */
const TICK_MS = 10;

/** CPU time one process has used so far (user and system, not its children's), in ms; 0 when it is gone. */
export function cpuOf(pid: number): number {
  const fields = statFields(pid);
  // fields 14 and 15 (utime, stime); statFields begins at field 3
  return fields ? (Number(fields[11]) + Number(fields[12])) * TICK_MS : 0;
}

/** VmRSS and VmHWM of one process in bytes (0 when it is gone). */
export function memoryOf(pid: number): { rss: number; hwm: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS') * 1024, hwm: kb('VmHWM') * 1024 };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

export interface Sample {
  /** ms since the run started */
  t: number;
  /** summed VmRSS of the process tree */
  rss: number;
  /** CPU time of the process tree so far (user and system, as cpuMs), in ms */
  cpuMs: number;
}

export interface LogLine {
  /** ms since the run started */
  t: number;
  text: string;
}

export interface RunResult {
  code: number;
  ms: number;
  /** highest summed VmRSS seen */
  peakRss: number;
  /** highest VmHWM of any single process in the tree */
  peakHwm: number;
  /**
   * CPU time of the process tree (user and system), summed over its processes as last sampled:
   * up to one interval of each process's time is missed
   */
  cpuMs: number;
  samples: Sample[];
  lines: LogLine[];
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** sampling interval in ms */
  interval?: number;
  /** called for every output line (for live progress) */
  onLine?: (line: LogLine) => void;
}

/** Run a command, timestamp its output lines and sample its tree's memory until it exits. */
export function run(cmd: string, args: string[], opts: RunOptions = {}): Promise<RunResult> {
  const started = performance.now();
  const child = spawn(cmd, args, {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const samples: Sample[] = [];
  const lines: LogLine[] = [];
  const hwm = new Map<number, number>();
  const cpu = new Map<number, number>();
  const cpuSum = () => [...cpu.values()].reduce((a, b) => a + b, 0);
  let peakRss = 0;
  const sample = () => {
    if (child.pid === undefined) return;
    let rss = 0;
    for (const pid of processTree(child.pid)) {
      const m = memoryOf(pid);
      rss += m.rss;
      hwm.set(pid, Math.max(hwm.get(pid) ?? 0, m.hwm));
      cpu.set(pid, Math.max(cpu.get(pid) ?? 0, cpuOf(pid)));
    }
    peakRss = Math.max(peakRss, rss);
    samples.push({ t: performance.now() - started, rss, cpuMs: cpuSum() });
  };
  const timer = setInterval(sample, opts.interval ?? 250);
  const collect = (stream: NodeJS.ReadableStream) => {
    let buf = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      buf += chunk;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = { t: performance.now() - started, text: buf.slice(0, nl) };
        buf = buf.slice(nl + 1);
        lines.push(line);
        opts.onLine?.(line);
      }
    });
    stream.on('end', () => {
      if (buf) lines.push({ t: performance.now() - started, text: buf });
    });
  };
  collect(child.stdout!);
  collect(child.stderr!);
  return new Promise((resolve, reject) => {
    child.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({
        code: code ?? 1,
        ms: performance.now() - started,
        peakRss,
        peakHwm: Math.max(0, ...hwm.values()),
        cpuMs: cpuSum(),
        samples,
        lines,
      });
    });
  });
}

/** Peak of the samples taken in [from, to) ms. */
export function peakBetween(samples: readonly Sample[], from: number, to: number): number {
  let peak = 0;
  for (const s of samples) if (s.t >= from && s.t < to) peak = Math.max(peak, s.rss);
  return peak;
}

/**
 * The process tree's CPU time in [from, to) ms, from the samples (as cpuMs, a process's last
 * interval before it ended is missed); and the cores it kept busy on average then.
 */
export function cpuBetween(
  samples: readonly Sample[],
  from: number,
  to: number,
): { ms: number; cores: number } {
  let start = 0;
  let end = 0;
  for (const s of samples) {
    if (s.t < from) start = s.cpuMs;
    if (s.t < to) end = s.cpuMs;
  }
  const ms = Math.max(0, end - start);
  return { ms, cores: to > from ? ms / (to - from) : 0 };
}

/** Total size in bytes and file count of a folder tree. */
export function dirSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        bytes += statSync(p).size;
        files++;
      }
    }
  };
  try {
    walk(dir);
  } catch {
    return { bytes: 0, files: 0 };
  }
  return { bytes, files };
}

/** Strip ANSI colour codes from a log line. */
export function plain(text: string): string {
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}
