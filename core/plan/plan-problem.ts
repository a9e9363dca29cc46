// Why a network cannot be started, as data. 'conflict': something on the host already
// uses its bridge name or subnet; 'unsupported': a mode Switchyard does not run.
export interface PlanProblem {
  code: 'conflict' | 'unsupported' | 'invalid';
  /** One line naming the network, e.g. "network 'x': 10.0.0.0/24 is already in use by interface eth1". */
  message: string;
  network: string;
}

export type PlanResult<T> = { ok: true; value: T } | { ok: false; error: PlanProblem };
