// Semantic checks of a parsed network definition: every check libvirt's parser
// and driver make on a definition (src/conf/network_conf.c, networkValidate),
// plus ours where a value would break a file name or a host command. Each area's
// rules live in their own file; all problems are returned, not only the first.
import type { NetworkDef } from '../model/network.js';
import type { Problem } from '../result.js';
import { checkBridge } from './bridge-rules.js';
import { checkDhcpOncePerFamily } from './dhcp-rules.js';
import { checkDns } from './dns-rules.js';
import { checkDnsmasqOptions } from './dnsmasq-option-rules.js';
import { checkForward } from './forward-rules.js';
import { checkIps } from './ip-rules.js';
import { checkModeRules } from './mode-rules.js';
import { checkNames } from './name-rules.js';
import { checkPortgroups } from './portgroup-rules.js';
import { problemCollector, type Report } from './problem-text.js';
import { checkRoutes } from './route-rules.js';

const RULES: ((def: NetworkDef, report: Report) => void)[] = [
  checkNames,
  checkBridge,
  checkDns,
  checkIps,
  checkDhcpOncePerFamily,
  checkRoutes,
  checkForward,
  checkModeRules,
  checkPortgroups,
  checkDnsmasqOptions,
];

export function validateNetwork(def: NetworkDef): Problem[] {
  const { problems, report } = problemCollector(def);
  for (const rule of RULES) rule(def, report);
  return problems;
}
