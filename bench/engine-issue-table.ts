// The performance targets' table, first in the report: each figure with libvirt's
// from the same run, the ratio Switchyard/libvirt (lower is faster) and whether the
// target is met. The new-guest rows come from the lease section, "8 guests at once"
// from the burst section.
import { BURST_GUESTS, BURST_TRIES } from './engine-context.js';
import { fmt, type Samples } from './engine-stats.js';

interface Target {
  text: string;
  met: (sy: number, lv: number) => boolean;
}

interface IssueRow {
  label: string;
  sy: string;
  lv: string;
  target: Target;
}

const atMost = (r: number, text: string): Target => ({ text, met: (sy, lv) => sy <= r * lv });
const under = (ms: number): Target => ({ text: `< ${ms} ms`, met: (sy) => sy < ms });

const ISSUE_ROWS: IssueRow[] = [
  {
    label: 'CLI `net-start` wall, NAT+DHCP',
    sy: 'start.sy.cli',
    lv: 'start.lv.wall',
    target: atMost(1, '≤ 1.0'),
  },
  {
    label: 'CLI `net-destroy` wall',
    sy: 'destroy.sy.cli',
    lv: 'destroy.lv.wall',
    target: atMost(1 / 3, '≤ 0.33'),
  },
  {
    label: 'app path start: resident helper round trip vs libvirt API time (`virsh -t`)',
    sy: 'start.sy.helper',
    lv: 'start.lv.api',
    target: atMost(1 / 3, '≤ 0.33'),
  },
  {
    label: 'app path destroy: resident helper round trip vs `virsh -t`',
    sy: 'destroy.sy.helper',
    lv: 'destroy.lv.api',
    target: atMost(0.2, '≤ 0.20'),
  },
  {
    label: 'new guest → lease on each one’s default network',
    sy: 'lease.sy.plug',
    lv: 'lease.lvstock.plug',
    target: under(200),
  },
  {
    label: '`net-define` with MANY networks defined (in engine / `virsh -t`)',
    sy: 'define.sy.engine',
    lv: 'define.lv.api',
    target: under(20),
  },
  {
    label: '`net-define` with MANY networks defined, whole CLI process wall',
    sy: 'define.sy.cli',
    lv: 'define.lv.wall',
    target: atMost(1, '≤ 1.0'),
  },
];

export function issueTable(s: Samples, manyLabel: string): string[] {
  const lines = ['| | Switchyard | libvirt 9.0 | ratio | target |', '|---|---|---|---|---|'];
  for (const row of ISSUE_ROWS) {
    lines.push(...rowLines(s, row, manyLabel));
    if (row.sy === 'lease.sy.plug') lines.push(...burstRow(s));
  }
  return lines;
}

function rowLines(s: Samples, row: IssueRow, manyLabel: string): string[] {
  const sy = s.summary(row.sy)?.median;
  const lv = s.summary(row.lv)?.median;
  if (sy === undefined && lv === undefined) return [];
  const ratio = sy !== undefined && lv !== undefined && lv > 0 ? (sy / lv).toFixed(2) : '-';
  const verdict = sy !== undefined && lv !== undefined ? (row.target.met(sy, lv) ? ' met' : ' missed') : '';
  const label = row.label.replace('MANY', manyLabel);
  return [`| ${label} | ${ms(sy)} | ${ms(lv)} | ${ratio} | ${row.target.text}:${verdict} |`];
}

/** "8/8 by 0.35 s" against "3/8 within 30 s, the last at 22.3 s": counts, not a ratio. */
function burstRow(s: Samples): string[] {
  const side = (key: 'sy' | 'lv') => {
    const leased = s.summary(`burst.${key}.leased`)?.median;
    const last = s.summary(`burst.${key}.last`)?.median;
    if (leased === undefined || last === undefined) return undefined;
    const all = leased === BURST_GUESTS;
    return {
      all,
      last,
      text: `${leased}/${BURST_GUESTS} ${all ? 'by' : `within ${BURST_TRIES} s, the last at`} ${(last / 1000).toFixed(2)} s`,
    };
  };
  const sy = side('sy');
  const lv = side('lv');
  if (!sy && !lv) return [];
  const met = sy?.all === true && sy.last < 1000;
  const label = `${BURST_GUESTS} guests plugged at once → all leased`;
  return [
    `| ${label} | ${sy?.text ?? '-'} | ${lv?.text ?? '-'} | | all, < 1 s:${sy ? (met ? ' met' : ' missed') : ''} |`,
  ];
}

const ms = (x: number | undefined): string => (x === undefined ? '-' : `${fmt(x)} ms`);
