#!/usr/bin/env python3
"""Run a command and report the peak memory of its whole process tree.

/usr/bin/time -v reports the largest single process it waited for; Chromium runs a browser, a
zygote, renderers and utility processes, so that misses most of it. This runs the command as a
child subreaper (orphaned grandchildren are reparented here, not to init), samples every process
in the tree every 20 ms from /proc, and prints on stderr, after the command ends:

  treemem: wall 3.41 s (tree gone after 3.43 s)  CPU 2.10 s (user 1.50, sys 0.60)
           peak RSS sum 1123.5 MiB  peak PSS sum 418.2 MiB  largest process 216.4 MiB  processes 16

RSS sum counts pages shared between Chromium's processes once per process (an upper bound);
PSS shares them out (the better total). Exits with the command's status.

  treemem.py chromium --headless ... --print-to-pdf=out.pdf file:///.../in.html
"""
import ctypes
import os
import resource
import subprocess
import sys
import time

PR_SET_CHILD_SUBREAPER = 36


def children_map():
    kids = {}
    for entry in os.listdir('/proc'):
        if not entry.isdigit():
            continue
        try:
            with open(f'/proc/{entry}/stat', 'rb') as f:
                stat = f.read()
        except OSError:
            continue
        # the command name may hold spaces or parentheses: the ppid follows the last ')'
        ppid = int(stat[stat.rindex(b')') + 2:].split()[1])
        kids.setdefault(ppid, []).append(int(entry))
    return kids


def tree(root):
    kids = children_map()
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(kids.get(pid, []))
    return found


def memory(pid):
    """(rss, pss) in KiB, from smaps_rollup; (0, 0) when the process is gone."""
    rss = pss = 0
    try:
        with open(f'/proc/{pid}/smaps_rollup') as f:
            for line in f:
                if line.startswith('Rss:'):
                    rss = int(line.split()[1])
                elif line.startswith('Pss:'):
                    pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    me = os.getpid()
    start = time.monotonic()
    proc = subprocess.Popen(sys.argv[1:])
    peak_rss = peak_pss = largest = 0
    seen = set()
    while proc.poll() is None:
        # everything below this process: the command and, once orphaned, its descendants
        pids = [p for p in tree(me) if p != me]
        seen.update(pids)
        total_rss = total_pss = 0
        for pid in pids:
            rss, pss = memory(pid)
            total_rss += rss
            total_pss += pss
            largest = max(largest, rss)
        peak_rss = max(peak_rss, total_rss)
        peak_pss = max(peak_pss, total_pss)
        time.sleep(0.02)
    wall = time.monotonic() - start
    # Wait for the orphans that outlive the command (reparented here): then RUSAGE_CHILDREN
    # holds the CPU time of the whole tree, which /usr/bin/time misses for Chromium.
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            break
        if pid == 0:
            time.sleep(0.02)
    wall_all = time.monotonic() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    mib = 1024.0
    print(f'treemem: wall {wall:.2f} s (tree gone after {wall_all:.2f} s)  '
          f'CPU {usage.ru_utime + usage.ru_stime:.2f} s (user {usage.ru_utime:.2f}, sys {usage.ru_stime:.2f})  '
          f'peak RSS sum {peak_rss / mib:.1f} MiB  peak PSS sum {peak_pss / mib:.1f} MiB  '
          f'largest process {largest / mib:.1f} MiB  processes {len(seen)}', file=sys.stderr)
    sys.exit(proc.returncode)


if __name__ == '__main__':
    main()
