/**
 * What a process group (a web process or a worker started by scripts/topology.ts, each the leader of its
 * own group) uses right now, summed over every process in it, from Linux's /proc.
 */
import { readdirSync, readFileSync } from 'node:fs';

interface ProcessStat {
  pid: string;
  /** Fields after "pid (comm) ": [0] is the state (the 3rd field of /proc/<pid>/stat). */
  fields: string[];
}

function groupMembers(pgid: number): ProcessStat[] {
  const members: ProcessStat[] = [];
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // Exited meanwhile.
    }
    // The command name may hold spaces and parentheses: the fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === pgid) members.push({ pid, fields });
  }
  return members;
}

/** CPU time (clock ticks: user + system) used so far by the group's processes. */
export function groupCpuTicks(pgid: number): number {
  // utime and stime are the 14th and 15th fields.
  return groupMembers(pgid).reduce((sum, { fields }) => sum + Number(fields[11]) + Number(fields[12]), 0);
}

/** Resident memory of the group's processes, in MB (VmRSS; shared pages count once per process). */
export function groupRssMB(pgid: number): number {
  let kB = 0;
  for (const { pid } of groupMembers(pgid)) {
    try {
      const rss = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      kB += Number(rss?.[1] ?? 0);
    } catch {
      // Exited meanwhile.
    }
  }
  return kB / 1024;
}
