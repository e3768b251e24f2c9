/** What the engine reports happened, in order: the trace of a run. */

export type EventKind =
  | 'launched'
  | 'running'
  | 'stopping'
  | 'stopped'
  | 'rebooting'
  | 'rebooted'
  | 'shutting-down'
  | 'terminated'
  | 'refused'
  | 'insufficient-capacity'
  | 'vm-crashed'
  | 'vm-recovered'
  | 'host-failed'
  | 'host-recovered'
  | 'az-failed'
  | 'az-recovered'
  | 'region-failed'
  | 'region-recovered'
  | 'group-created'
  | 'group-replacing'
  | 'group-scaled'
  | 'load-changed'
  | 'memory-pressure'
  | 'oom-killed'
  | 'db-unavailable'
  | 'db-failover-started'
  | 'db-failover-complete'
  | 'db-available'
  | 'standby-lost'
  | 'standby-restored'
  | 'replica-lost'
  | 'replica-restored'
  | 'residency-violation'
  | 'service-down'
  | 'service-up'
  | 'traffic-changed'
  | 'data-written'
  | 'instance-store-erased'
  | 'volume-deleted';

export interface SimEvent {
  time: number;
  kind: EventKind;
  message: string;
  vm?: string;
  host?: string;
  az?: string;
  region?: string;
  group?: string;
}

/** Internal completions the runner schedules on its queue. */
export type Scheduled =
  | { type: 'action'; index: number }
  | { type: 'settle'; vm: string; token: number }
  | { type: 'reboot-done'; vm: string; token: number }
  | { type: 'group-check'; group: string }
  | { type: 'scale-check'; group: string }
  | { type: 'db-failover-done'; token: number }
  | { type: 'traffic'; rps: number };
