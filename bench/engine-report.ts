// The markdown printed by bench/engine-vs-libvirt.ts: one comparison table (medians,
// ratio libvirt/Switchyard, targets), then every series with n/min/max, then where
// Switchyard's start and destroy time goes, then the notes.
import { issueTable } from './engine-issue-table.js';
import { fmt, ratio, type Samples } from './engine-stats.js';

interface Row {
  label: string;
  sy: string;
  lv: string;
  unit: string;
  target?: (sy: number, lv: number) => string;
}

const thirdOf = (sy: number, lv: number): string =>
  `≤ ⅓ of libvirt: ${sy * 3 <= lv ? 'met' : 'missed'} (needs ≤ ${fmt(lv / 3)})`;
const underSecond = (sy: number): string => `< 1000 ms: ${sy < 1000 ? 'met' : 'missed'}`;

const ROWS: Row[] = [
  {
    label: 'process floor: `switchyard help` / `virsh --version`, wall',
    sy: 'floor.sy',
    lv: 'floor.lv',
    unit: 'ms',
  },
  {
    label: 'bare `node -e 0` (the floor under any Switchyard CLI call), wall',
    sy: 'floor.node',
    lv: '-',
    unit: 'ms',
  },
  {
    label: 'net-start NAT+DHCP, in engine / `virsh -t` api',
    sy: 'start.sy.engine',
    lv: 'start.lv.api',
    unit: 'ms',
    target: thirdOf,
  },
  {
    label: 'net-start NAT+DHCP, whole process wall',
    sy: 'start.sy.cli',
    lv: 'start.lv.wall',
    unit: 'ms',
    target: thirdOf,
  },
  {
    label: 'net-start NAT+DHCP, resident helper round trip / api',
    sy: 'start.sy.helper',
    lv: 'start.lv.api',
    unit: 'ms',
    target: thirdOf,
  },
  {
    label: 'net-destroy NAT+DHCP, in engine / api',
    sy: 'destroy.sy.engine',
    lv: 'destroy.lv.api',
    unit: 'ms',
    target: thirdOf,
  },
  {
    label: 'net-destroy NAT+DHCP, whole process wall',
    sy: 'destroy.sy.cli',
    lv: 'destroy.lv.wall',
    unit: 'ms',
    target: thirdOf,
  },
  {
    label: 'net-destroy NAT+DHCP, resident helper round trip / api',
    sy: 'destroy.sy.helper',
    lv: 'destroy.lv.api',
    unit: 'ms',
    target: thirdOf,
  },
  {
    label: 'net-list --all, MANY defined, in engine / api',
    sy: 'list.sy.engine',
    lv: 'list.lv.api',
    unit: 'ms',
  },
  { label: 'net-list --all, MANY defined, wall', sy: 'list.sy.cli', lv: 'list.lv.wall', unit: 'ms' },
  {
    label: 'net-define of one more, MANY defined, in engine / api',
    sy: 'define.sy.engine',
    lv: 'define.lv.api',
    unit: 'ms',
  },
  {
    label: 'net-define of one more, MANY defined, wall',
    sy: 'define.sy.cli',
    lv: 'define.lv.wall',
    unit: 'ms',
  },
  {
    label: 'new guest → DHCP lease (plug to lease): Switchyard default vs libvirt stock (stp on)',
    sy: 'lease.sy.plug',
    lv: 'lease.lvstock.plug',
    unit: 'ms',
    target: underSecond,
  },
  {
    label: "new guest → DHCP lease (plug to lease): Switchyard default vs libvirt stp='off'",
    sy: 'lease.sy.plug',
    lv: 'lease.lvstp.plug',
    unit: 'ms',
    target: underSecond,
  },
  {
    label: 'net-start wall + plug → lease: vs libvirt stock',
    sy: 'lease.sy.total',
    lv: 'lease.lvstock.total',
    unit: 'ms',
  },
  {
    label: "net-start wall + plug → lease: vs libvirt stp='off'",
    sy: 'lease.sy.total',
    lv: 'lease.lvstp.total',
    unit: 'ms',
  },
  { label: 'memory per active network: dnsmasq RSS', sy: 'mem.sy.rss', lv: 'mem.lv.rss', unit: 'kB' },
  { label: 'memory per active network: dnsmasq PSS', sy: 'mem.sy.pss', lv: 'mem.lv.pss', unit: 'kB' },
  {
    label: 'memory per active network: resident engine growth',
    sy: 'mem.sy.daemon',
    lv: 'mem.lv.growth',
    unit: 'kB',
  },
  {
    label: 'memory per active network: total (dnsmasq RSS + engine growth)',
    sy: 'mem.sy.total',
    lv: 'mem.lv.total',
    unit: 'kB',
  },
  { label: 'dnsmasq processes per active network', sy: 'mem.sy.procs', lv: 'mem.lv.procs', unit: '' },
  {
    label: 'resident engine RSS (none: no Switchyard daemon / libvirtd)',
    sy: 'mem.sy.daemon',
    lv: 'mem.lv.daemon',
    unit: 'kB',
  },
];

export interface ReportHeader {
  title: string;
  settings: string;
  many: number;
  lvMany: number;
}

export function renderReport(s: Samples, h: ReportHeader, notes: readonly string[]): string {
  const out = [`## ${h.title}`, '', h.settings, '', ...issueTable(s, manyLabelOf(h)), ''];
  out.push(...comparison(s, h), '', ...details(s), '');
  out.push(...breakdown(s, 'start'), '', ...breakdown(s, 'destroy'), '');
  if (notes.length) out.push('Notes:', '', ...notes.map((n) => `- ${n}`), '');
  return out.join('\n');
}

const manyLabelOf = (h: ReportHeader): string =>
  h.many === h.lvMany ? `${h.many}` : `${h.many} (libvirt: ${h.lvMany})`;

function comparison(s: Samples, h: ReportHeader): string[] {
  const manyLabel = manyLabelOf(h);
  const lines = [
    '| measure (medians) | Switchyard | libvirt 9.0 | ratio libvirt/Switchyard | target |',
    '|---|---|---|---|---|',
  ];
  for (const row of ROWS) {
    const sy = s.summary(row.sy);
    const lv = s.summary(row.lv);
    if (!sy && !lv) continue;
    const unit = row.unit ? ` ${row.unit}` : '';
    const target = row.target && sy && lv ? row.target(sy.median, lv.median) : '';
    const label = row.label.replace('MANY', manyLabel);
    lines.push(
      `| ${label} | ${withUnit(sy?.median, unit)} | ${withUnit(lv?.median, unit)} | ${ratio(lv?.median, sy?.median)} | ${target} |`,
    );
  }
  return lines;
}

const withUnit = (x: number | undefined, unit: string): string =>
  x === undefined ? '-' : `${fmt(x)}${unit}`;

function details(s: Samples): string[] {
  const lines = ['| series | n | median | min | max |', '|---|---|---|---|---|'];
  for (const key of s.keys().filter((k) => !k.startsWith('step.'))) {
    const x = s.summary(key);
    if (x) lines.push(`| ${key} | ${x.n} | ${fmt(x.median)} | ${fmt(x.min)} | ${fmt(x.max)} |`);
  }
  return lines;
}

/** Where Switchyard's in-engine time goes: lock+resolve, reconcile, the plan's steps. */
function breakdown(s: Samples, verb: 'start' | 'destroy'): string[] {
  const total = s.summary(`${verb}.sy.engine`);
  if (!total) return [];
  const lines = [
    `Switchyard net-${verb}, in engine (medians, ms): total ${fmt(total.median)} = reconcile ${fmt(s.summary(`${verb}.sy.reconcile`)?.median)} + engine ${fmt(s.summary(`${verb}.sy.core`)?.median)} (+ lock, lookup); the engine's steps:`,
    '',
    '| step | median ms | max ms |',
    '|---|---|---|',
  ];
  for (const key of s.keys().filter((k) => k.startsWith(`step.${verb}.`))) {
    const x = s.summary(key);
    if (x) lines.push(`| ${key.slice(`step.${verb}.`.length)} | ${fmt(x.median)} | ${fmt(x.max)} |`);
  }
  return lines;
}
