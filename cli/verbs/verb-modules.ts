// Which module holds each verb, so a command evaluates only that module and what
// it imports (the engine, zod schemas, the XML parser stay unloaded for verbs that
// do not use them). `help` alone loads every module, through ./index.js.
import type { Verb } from './verb.js';

type VerbModule = Record<string, unknown>;
type Loader = () => Promise<VerbModule>;

const lifecycle: Loader = () => import('./lifecycle.js');
const query: Loader = () => import('./query.js');
const guests: Loader = () => import('./guests.js');
const formatValidate: Loader = () => import('./format-validate.js');
const workflows: Loader = () => import('./workflows.js');

export const verbModules: Readonly<Record<string, Loader>> = {
  'net-list': () => import('./list.js'),
  'net-define': lifecycle,
  'net-create': lifecycle,
  'net-start': lifecycle,
  'net-destroy': lifecycle,
  'net-undefine': lifecycle,
  'net-autostart': lifecycle,
  autostart: lifecycle,
  'net-name': query,
  'net-uuid': query,
  'net-dumpxml': query,
  'net-info': query,
  'net-dhcp-leases': query,
  'net-stats': query,
  'net-edit': () => import('./edit.js'),
  'net-update': () => import('./update.js'),
  'net-plan': () => import('./plan.js'),
  'net-connect-info': guests,
  'net-ports': guests,
  'net-user-attach': guests,
  'net-format': formatValidate,
  'net-validate': formatValidate,
  'net-restart': workflows,
  'net-delete': workflows,
  doctor: () => import('./doctor.js'),
};

const isVerb = (x: unknown): x is Verb =>
  typeof x === 'object' && x !== null && typeof (x as Verb).run === 'function' && 'name' in x;

/** The verb called NAME, loading only its module; undefined for an unknown name. */
export async function loadVerb(name: string): Promise<Verb | undefined> {
  if (!Object.hasOwn(verbModules, name)) return undefined;
  const mod = await verbModules[name]?.();
  return Object.values(mod ?? {}).find((x): x is Verb => isVerb(x) && x.name === name);
}
