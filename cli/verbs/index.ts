import { doctor } from './doctor.js';
import { netEdit } from './edit.js';
import { netFormat, netValidate } from './format-validate.js';
import { netConnectInfo, netPorts, netUserAttach } from './guests.js';
import {
  autostart,
  netAutostart,
  netCreate,
  netDefine,
  netDestroy,
  netStart,
  netUndefine,
} from './lifecycle.js';
import { netList } from './list.js';
import { netPlan } from './plan.js';
import { netDhcpLeases, netDumpXml, netInfo, netName, netStats, netUuid } from './query.js';
import { netUpdate } from './update.js';
import type { Verb } from './verb.js';
import { netDelete, netRestart } from './workflows.js';

export const verbs: readonly Verb[] = [
  netList,
  netDefine,
  netCreate,
  netStart,
  netDestroy,
  netUndefine,
  netRestart,
  netDelete,
  netAutostart,
  netName,
  netUuid,
  netDumpXml,
  netEdit,
  netInfo,
  netDhcpLeases,
  netStats,
  netUpdate,
  netPlan,
  netConnectInfo,
  netPorts,
  netUserAttach,
  netFormat,
  netValidate,
  autostart,
  doctor,
];
